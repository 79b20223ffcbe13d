package dev.terp.loadtest;

import java.time.Duration;
import java.util.UUID;

import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.rampUsers;
import static io.gatling.javaapi.core.CoreDsl.repeat;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

/**
 * A short smoke load on the master-data API: each virtual user creates vendors (a transactional write), reads
 * each back and pages through the list. Run by .ci/run against a local server; bounded in users and time, and
 * aimed at 127.0.0.1 only. Tunables: -DbaseUrl, -Dusers, -Drepeats, -Dp95Ms.
 */
public class MasterDataSimulation extends Simulation {

    private static final String BASE_URL = System.getProperty("baseUrl", "http://127.0.0.1:8080");
    private static final int USERS = Integer.getInteger("users", 50);
    private static final int REPEATS = Integer.getInteger("repeats", 10);
    private static final int P95_MS = Integer.getInteger("p95Ms", 500);

    private final HttpProtocolBuilder protocol = http.baseUrl(BASE_URL)
            .acceptHeader("application/json")
            .contentTypeHeader("application/json");

    private final ScenarioBuilder vendors = scenario("Vendors: create, read, list")
            .exec(session -> session.set("run", UUID.randomUUID().toString().substring(0, 8)))
            .exec(repeat(REPEATS, "i").on(exec(
                    http("create vendor").post("/api/v1/vendors")
                            .body(StringBody("{\"name\":\"Load #{run}-#{i}\",\"contactEmail\":\"load@example.com\"}"))
                            .check(status().is(201), jsonPath("$.id").saveAs("vendorId")),
                    http("get vendor").get("/api/v1/vendors/#{vendorId}").check(status().is(200)),
                    http("list vendors").get("/api/v1/vendors?limit=20&q=Load").check(status().is(200)))));

    {
        setUp(vendors.injectOpen(rampUsers(USERS).during(Duration.ofSeconds(10))))
                .protocols(protocol)
                .maxDuration(Duration.ofMinutes(3))
                .assertions(
                        global().successfulRequests().percent().gt(99.0),
                        global().responseTime().percentile(95.0).lt(P95_MS));
    }
}
