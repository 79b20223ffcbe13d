package dev.terp.operations;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import dev.terp.operations.api.BackupView;

import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The dumps in {@code terp.backup.dir} with their checksum verdict, and the gauge {@code terp.backup.newest.age}
 * (seconds since the newest dump whose checksum matches; NaN when there is none) that the backup-too-old alert reads.
 * Reading files blocks, so it runs on bounded-elastic, on a timer and after each backup; the gauge only reads the
 * last result (a scrape must not touch the disk on an event loop). Checksums are verified once per file version.
 */
@Component
class BackupCatalog implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(BackupCatalog.class);

    private final BackupProperties properties;
    private final Clock clock;
    private final Map<String, Boolean> verdicts = new ConcurrentHashMap<>();
    private final AtomicReference<List<BackupView>> latest = new AtomicReference<>(List.of());
    private volatile Disposable refreshing;

    BackupCatalog(BackupProperties properties, Clock clock, MeterRegistry meters) {
        this.properties = properties;
        this.clock = clock;
        Gauge.builder("terp.backup.newest.age", this, BackupCatalog::newestGoodAgeSeconds)
                .baseUnit("seconds")
                .description("Age of the newest database backup whose checksum matches (NaN: none)")
                .register(meters);
    }

    /** Newest first. */
    Mono<List<BackupView>> list() {
        return Mono.fromCallable(this::scan).subscribeOn(Schedulers.boundedElastic()).doOnNext(latest::set);
    }

    double newestGoodAgeSeconds() {
        return latest.get().stream().filter(BackupView::checksumOk).findFirst()
                .map(newest -> (double) Duration.between(newest.createdAt(), clock.instant()).toSeconds())
                .orElse(Double.NaN);
    }

    private List<BackupView> scan() throws IOException {
        Path dir = properties.dir();
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        List<BackupView> backups = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path dump : files.filter(f -> f.getFileName().toString().endsWith(".sql.gz")).toList()) {
                long size = Files.size(dump);
                Instant modified = Files.getLastModifiedTime(dump).toInstant();
                String version = dump.getFileName() + "|" + size + "|" + modified.toEpochMilli();
                boolean ok = verdicts.computeIfAbsent(version, unused -> checksumMatches(dump));
                backups.add(new BackupView(dump.getFileName().toString(), size, modified, ok));
            }
        }
        backups.sort(Comparator.comparing(BackupView::createdAt).reversed());
        return List.copyOf(backups);
    }

    private static boolean checksumMatches(Path dump) {
        Path checksumFile = dump.resolveSibling(dump.getFileName() + ".sha256");
        try {
            if (!Files.isRegularFile(checksumFile)) {
                return false;
            }
            String expected = Files.readString(checksumFile).trim().split("\\s+")[0];
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            try (InputStream in = Files.newInputStream(dump)) {
                byte[] buffer = new byte[64 * 1024];
                for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                    sha256.update(buffer, 0, read);
                }
            }
            return HexFormat.of().formatHex(sha256.digest()).equalsIgnoreCase(expected);
        }
        catch (IOException | NoSuchAlgorithmException unreadable) {
            log.warn("Cannot verify {}: {}", dump, unreadable.toString());
            return false;
        }
    }

    @Override
    public void start() {
        refreshing = Flux.interval(Duration.ZERO, properties.refresh())
                .onBackpressureDrop()
                .concatMap(tick -> list().onErrorResume(failure -> {
                    log.warn("Cannot read the backup directory {}: {}", properties.dir(), failure.toString());
                    return Mono.empty();
                }), 1)
                .subscribe();
    }

    @Override
    public void stop() {
        Disposable current = refreshing;
        if (current != null) {
            current.dispose();
        }
        refreshing = null;
    }

    @Override
    public boolean isRunning() {
        return refreshing != null;
    }
}
