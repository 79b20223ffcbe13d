package dev.terp.operations;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.terp.platform.security.Role;
import dev.terp.platform.web.ApiRoutes;
import dev.terp.platform.web.RouteDescriptor;
import dev.terp.support.IntegrationTest;
import dev.terp.support.TestDatabase;
import dev.terp.support.TestTokens;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Backups as jobs through the API: 202 + a job resource that ends SUCCEEDED with its progress and outcome, the
 * dump in the list with a good checksum, the audit row, the newest-backup-age metric; jobs abandoned by a dead
 * instance are run again, and given up after their attempts; only admins may do any of it.
 */
@IntegrationTest
class BackupJobsIT {

    @Autowired
    WebTestClient http;

    @Autowired
    TestTokens tokens;

    @Autowired
    TestDatabase rows;

    @Autowired
    ApiRoutes routes;

    @Autowired
    BackupProperties backupProperties;

    @Test
    void theListShowsTheNewestDumpsUpToTheLimitAndCountsThemAll() throws Exception {
        Files.createDirectories(backupProperties.dir());
        List<Path> dumps = new ArrayList<>();
        // Dated ahead of any real dump, so they are the newest whatever other tests wrote.
        Instant ahead = Instant.now().plus(Duration.ofDays(30));
        try {
            for (int day = 1; day <= 3; day++) {
                Path dump = backupProperties.dir().resolve("limit-test-" + UUID.randomUUID() + ".sql.gz");
                Files.write(dump, new byte[] {1, 2, 3});
                Files.setLastModifiedTime(dump, FileTime.from(ahead.plus(Duration.ofDays(day))));
                dumps.add(dump);
            }
            Map<?, ?> two = http.get().uri("/api/v1/admin/backups?limit=2").exchange().expectStatus().isOk()
                    .expectBody(Map.class).returnResult().getResponseBody();
            assertThat(((List<?>) two.get("items")).stream().map(item -> (Object) ((Map<?, ?>) item).get("name")).toList())
                    .containsExactly((Object) dumps.get(2).getFileName().toString(),
                            dumps.get(1).getFileName().toString());
            int total = ((Number) two.get("total")).intValue();
            assertThat(total).isGreaterThanOrEqualTo(3);

            Map<?, ?> all = http.get().uri("/api/v1/admin/backups").exchange().expectStatus().isOk()
                    .expectBody(Map.class).returnResult().getResponseBody();
            assertThat((List<?>) all.get("items")).hasSize(Math.min(total, 50));
            assertThat(all.get("total")).isEqualTo(total);
            http.get().uri("/api/v1/admin/backups?limit=201").exchange().expectStatus().isBadRequest();
            http.get().uri("/api/v1/admin/backups?limit=0").exchange().expectStatus().isBadRequest();
        } finally {
            for (Path dump : dumps) {
                Files.deleteIfExists(dump);
            }
        }
    }

    @Test
    void startingABackupAnswers202WithAJobThatEndsWithTheDumpListedAuditedAndMeasured() {
        Instant before = Instant.now().minusSeconds(1);
        var accepted = http.post().uri("/api/v1/admin/backups").exchange()
                .expectStatus().isAccepted()
                .expectHeader().valueMatches(HttpHeaders.LOCATION, "/api/v1/admin/jobs/\\d+")
                .expectBody(Map.class).returnResult();
        Map<?, ?> job = accepted.getResponseBody();
        assertThat(job.get("type")).isEqualTo("database-backup");
        assertThat(job.get("status")).isIn("QUEUED", "RUNNING");
        long id = ((Number) job.get("id")).longValue();

        Map<?, ?> done = awaitFinished(id);
        assertThat(done.get("status")).as(String.valueOf(done)).isEqualTo("SUCCEEDED");
        assertThat(done.get("progressDone")).isEqualTo(1);
        assertThat(done.get("progressTotal")).isEqualTo(1);
        assertThat(done.get("error")).isNull();
        String dump = String.valueOf(done.get("outcome")).replace("Backup written: ", "");
        assertThat(dump).matches("terp-\\d{8}T\\d{6}Z\\.sql\\.gz");

        http.get().uri("/api/v1/admin/backups").exchange().expectStatus().isOk()
                .expectBody()
                .jsonPath("$.items[?(@.name == '" + dump + "')].checksumOk").isEqualTo(List.of(true))
                .jsonPath("$.items[?(@.name == '" + dump + "')].sizeBytes").value(sizes ->
                        assertThat(((Number) ((List<?>) sizes).get(0)).longValue()).isPositive());

        Long audited = rows.count("SELECT COUNT(*) AS n FROM audit_logs WHERE entity = 'Job' AND entity_id = :id "
                        + "AND action = 'BACKUP_REQUESTED' AND actor_id IS NOT NULL AND occurred_at >= :before",
                                Map.of("id", id,
                                "before", before.atOffset(java.time.ZoneOffset.UTC).toLocalDateTime()));
        assertThat(audited).isEqualTo(1L);

        String metrics = http.get().uri("/actuator/prometheus").exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        String ageLine = metrics.lines().filter(line -> line.startsWith("terp_backup_newest_age_seconds"))
                .findFirst().orElseThrow(() -> new AssertionError("no terp_backup_newest_age_seconds"));
        double age = Double.parseDouble(ageLine.substring(ageLine.lastIndexOf(' ') + 1));
        assertThat(age).isBetween(0.0, 120.0);
    }

    @Test
    void aJobAbandonedByADeadInstanceIsRunAgainAndOneInterruptedTooOftenFails() {
        long abandoned = insertRunningJob(1);
        long exhausted = insertRunningJob(3);

        Map<?, ?> resumed = awaitFinished(abandoned);
        assertThat(resumed.get("status")).as(String.valueOf(resumed)).isEqualTo("SUCCEEDED");
        assertThat(resumed.get("attempts")).isEqualTo(2);

        Map<?, ?> failed = awaitFinished(exhausted);
        assertThat(failed.get("status")).isEqualTo("FAILED");
        assertThat(String.valueOf(failed.get("error"))).contains("Interrupted on every attempt");
        assertThat(failed.get("attempts")).isEqualTo(3);
    }

    @Test
    void onlyAdministratorsSeeOrStartBackupsAndJobsAndStartingIsRateLimitedStrictly() {
        for (Role role : List.of(Role.MANAGER, Role.VIEWER, Role.ACCOUNTANT)) {
            String token = tokens.forRole(role);
            http.post().uri("/api/v1/admin/backups").headers(h -> h.setBearerAuth(token)).exchange()
                    .expectStatus().isForbidden();
            http.get().uri("/api/v1/admin/backups").headers(h -> h.setBearerAuth(token)).exchange()
                    .expectStatus().isForbidden();
            http.get().uri("/api/v1/admin/jobs").headers(h -> h.setBearerAuth(token)).exchange()
                    .expectStatus().isForbidden();
        }
        assertThat(routes.declared()).contains(
                new RouteDescriptor("POST", "/api/v1/admin/backups", "admin:operations", ApiRoutes.Cost.EXPENSIVE));
        http.get().uri("/api/v1/admin/jobs/999999999").exchange().expectStatus().isNotFound()
                .expectBody().jsonPath("$.code").isEqualTo("NOT_FOUND");
    }

    private long insertRunningJob(int attempts) {
        return rows.insert("INSERT INTO jobs (type, status, attempts, lease_owner, lease_until, started_at) "
                        + "VALUES ('database-backup', 'RUNNING', :attempts, 'pod-that-died', "
                        + "DATE_SUB(NOW(6), INTERVAL 1 MINUTE), DATE_SUB(NOW(6), INTERVAL 2 MINUTE))",
                                Map.of("attempts", attempts));
    }

    private Map<?, ?> awaitFinished(long id) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
        while (true) {
            Map<?, ?> job = http.get().uri("/api/v1/admin/jobs/{id}", id).exchange().expectStatus().isOk()
                    .expectBody(Map.class).returnResult().getResponseBody();
            if ("SUCCEEDED".equals(job.get("status")) || "FAILED".equals(job.get("status"))) {
                return job;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("job " + id + " did not finish in 90 s: " + job);
            }
            try {
                Thread.sleep(250);
            }
            catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                throw new AssertionError(interrupted);
            }
        }
    }
}
