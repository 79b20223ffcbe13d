package dev.terp.operations;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.r2dbc.spi.ConnectionFactoryOptions;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import dev.terp.platform.jobs.Job;
import dev.terp.platform.jobs.JobWork;

import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The "database-backup" job: scripts/backup-database.sh (the same script as the CronJob) as an argument vector —
 * no shell, no string interpolation — with the connection in the child's environment (never on its command line),
 * on bounded-elastic since waiting for a process blocks. The script's own ERROR line becomes the job's error.
 */
@Component
class BackupWork implements JobWork {

    static final String TYPE = "database-backup";

    private final BackupProperties properties;
    private final Environment environment;
    private final BackupCatalog catalog;

    BackupWork(BackupProperties properties, Environment environment, BackupCatalog catalog) {
        this.properties = properties;
        this.environment = environment;
        this.catalog = catalog;
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public Mono<String> run(Job job, JobProgress progress) {
        return progress.report(0, 1)
                .then(Mono.fromCallable(this::runScript).subscribeOn(Schedulers.boundedElastic()))
                .flatMap(dump -> progress.report(1, 1).then(catalog.list()).thenReturn("Backup written: " + dump));
    }

    private String runScript() throws IOException, InterruptedException {
        ConnectionFactoryOptions connection = ConnectionFactoryOptions.parse(
                environment.getRequiredProperty("spring.r2dbc.url"));
        List<String> command = List.of(properties.script().toString(),
                "--database", String.valueOf(connection.getRequiredValue(ConnectionFactoryOptions.DATABASE)),
                "--dir", properties.dir().toString(),
                "--retention-days", Integer.toString(properties.retentionDays()));
        ProcessBuilder builder = new ProcessBuilder(command);
        Map<String, String> env = builder.environment();
        env.put("TERP_BACKUP_DB_HOST", String.valueOf(connection.getRequiredValue(ConnectionFactoryOptions.HOST)));
        Object port = connection.getValue(ConnectionFactoryOptions.PORT);
        env.put("TERP_BACKUP_DB_PORT", port == null ? "3306" : String.valueOf(port));
        // A dedicated backup account in the environment (TERP_BACKUP_DB_USER/PASSWORD, as the CronJob gets it) wins;
        // otherwise the application's own.
        if (!env.containsKey("TERP_BACKUP_DB_USER")) {
            env.put("TERP_BACKUP_DB_USER", environment.getProperty("spring.r2dbc.username",
                    String.valueOf(connection.getValue(ConnectionFactoryOptions.USER))));
            env.put("TERP_BACKUP_DB_PASSWORD", environment.getProperty("spring.r2dbc.password", ""));
        }
        if (properties.clientDir() != null && !properties.clientDir().toString().isBlank()) {
            env.put("TERP_DB_CLIENT_DIR", properties.clientDir().toString());
        }
        Path out = Files.createTempFile("terp-backup", ".out");
        Path err = Files.createTempFile("terp-backup", ".err");
        try {
            Process process = builder.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                    .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            if (!process.waitFor(properties.timeout().toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("The backup did not finish within " + properties.timeout());
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException("The backup failed: " + lastErrorLine(err));
            }
            return Path.of(Files.readString(out, StandardCharsets.UTF_8).strip()).getFileName().toString();
        }
        finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    private static String lastErrorLine(Path err) throws IOException {
        return Files.readAllLines(err, StandardCharsets.UTF_8).stream()
                .filter(line -> line.contains("ERROR"))
                .reduce((first, last) -> last)
                .orElse("exit code non-zero, no message");
    }
}
