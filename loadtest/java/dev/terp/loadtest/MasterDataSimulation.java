package dev.terp.loadtest;

import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.rampUsers;
import static io.gatling.javaapi.core.CoreDsl.repeat;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

/**
 * A short smoke load on the master-data API. A setup user logs in as the administrator, creates a handful of
 * MANAGER accounts (master data needs masterdata:write) and logs each in once; then the virtual users,
 * spread over those accounts the way real clerks are, create vendors (a transactional write), read each back and
 * page through the list. Run by .ci/run against a local server; bounded in users and time, aimed at 127.0.0.1 only.
 * Tunables: -DbaseUrl, -Dusers, -Drepeats, -Daccounts, -Dp95Ms, -DadminUsername, -DadminPassword.
 *
 * <p>The p95 bound (1 s) is a tripwire for hangs and gross regressions, not a performance target: on an idle 2-core
 * box this run measures ~110-210 ms, and the same run beside other builds has measured 500-900 ms.
 */
public class MasterDataSimulation extends Simulation {

    private static final String BASE_URL = System.getProperty("baseUrl", "http://127.0.0.1:8080");
    private static final int USERS = Integer.getInteger("users", 50);
    private static final int REPEATS = Integer.getInteger("repeats", 10);
    private static final int ACCOUNTS = Integer.getInteger("accounts", 10);
    private static final int P95_MS = Integer.getInteger("p95Ms", 1000);
    private static final String ADMIN = System.getProperty("adminUsername", "admin");
    private static final String ADMIN_PASSWORD = System.getProperty("adminPassword", "");
    private static final String ACCOUNT_PASSWORD = "Load-Test-Passw0rd-" + UUID.randomUUID().toString().substring(0, 8);

    private static final List<String> TOKENS = new CopyOnWriteArrayList<>();

    private final HttpProtocolBuilder protocol = http.baseUrl(BASE_URL)
            .acceptHeader("application/json")
            .contentTypeHeader("application/json");

    private final ScenarioBuilder setup = scenario("Setup: accounts for the load")
            .exec(session -> session.set("run", UUID.randomUUID().toString().substring(0, 8))
                    .set("username", ADMIN).set("password", ADMIN_PASSWORD))
            .exec(login("admin login").exec(session -> session.set("adminToken", session.getString("token"))))
            .exec(repeat(ACCOUNTS, "n").on(exec(
                    session -> session.set("username", "load-" + session.getString("run") + "-" + session.getInt("n"))
                            .set("password", ACCOUNT_PASSWORD))
                    .exec(http("create account").post("/api/v1/users")
                            .header("Authorization", "Bearer #{adminToken}")
                            .body(StringBody("{\"username\":\"#{username}\",\"password\":\"#{password}\","
                                    + "\"displayName\":\"Load #{n}\",\"roles\":[\"MANAGER\"]}"))
                            .check(status().is(201)))
                    .exec(login("account login"))
                    .exec(session -> {
                        TOKENS.add(session.getString("token"));
                        return session;
                    })));

    private final ScenarioBuilder vendors = scenario("Vendors: create, read, list")
            .feed(tokens())
            .exec(session -> session.set("run", UUID.randomUUID().toString().substring(0, 8)))
            .exec(repeat(REPEATS, "i").on(exec(
                    http("create vendor").post("/api/v1/vendors")
                            .header("Authorization", "Bearer #{token}")
                            .body(StringBody("{\"name\":\"Load #{run}-#{i}\",\"contactEmail\":\"load@example.com\"}"))
                            .check(status().is(201), jsonPath("$.id").saveAs("vendorId")),
                    http("get vendor").get("/api/v1/vendors/#{vendorId}")
                            .header("Authorization", "Bearer #{token}").check(status().is(200)),
                    http("list vendors").get("/api/v1/vendors?limit=20&q=Load")
                            .header("Authorization", "Bearer #{token}").check(status().is(200)))));

    {
        setUp(setup.injectOpen(atOnceUsers(1))
                .andThen(vendors.injectOpen(rampUsers(USERS).during(Duration.ofSeconds(10)))))
                .protocols(protocol)
                .maxDuration(Duration.ofMinutes(3))
                .assertions(
                        global().successfulRequests().percent().gt(99.0),
                        global().responseTime().percentile(95.0).lt(P95_MS));
    }

    private static ChainBuilder login(String name) {
        return exec(http(name).post("/api/v1/auth/login")
                .body(StringBody("{\"username\":\"#{username}\",\"password\":\"#{password}\"}"))
                .check(status().is(200), jsonPath("$.accessToken").saveAs("token")));
    }

    /** Hands the accounts' tokens out round-robin; read when the first virtual user starts, after the setup. */
    private static Iterator<Map<String, Object>> tokens() {
        AtomicInteger next = new AtomicInteger();
        return Stream.generate(() -> Map.<String, Object>of("token",
                TOKENS.get(Math.floorMod(next.getAndIncrement(), TOKENS.size())))).iterator();
    }
}
