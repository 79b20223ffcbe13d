package dev.terp.platform.sequence;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import dev.terp.platform.tx.TransactionRunner;
import dev.terp.support.IntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class DocumentNumbersIT {

    static final DocumentSeries STANDARD = new DocumentSeries("TSTD", NumberingStrategy.STANDARD, 6, false);
    static final DocumentSeries GAPLESS = new DocumentSeries("TGAP", NumberingStrategy.GAPLESS, 6, true);

    @Autowired
    DocumentNumbers numbers;

    @Autowired
    TransactionRunner tx;

    @Autowired
    DatabaseClient db;

    @BeforeAll
    static void allocationTable(@Autowired DatabaseClient db) {
        db.sql("CREATE TABLE IF NOT EXISTS seq_tstd (id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY, "
                + "allocated_at TIMESTAMP(6) NOT NULL) ENGINE = InnoDB").then().block();
    }

    @Test
    void twoHundredParallelStandardAllocationsGiveTwoHundredDistinctNumbers() {
        List<String> allocated = Flux.range(0, 200)
                .flatMap(i -> tx.inRetryingTransaction(() -> numbers.next(STANDARD)), 200)
                .collectList().block();

        assertThat(allocated).hasSize(200).allMatch(n -> n.matches("TSTD-\\d{6,}"));
        assertThat(new HashSet<>(allocated)).hasSize(200);
    }

    @Test
    void twoHundredParallelGaplessAllocationsAreContiguous() {
        long before = lastGaplessValue();

        List<String> allocated = Flux.range(0, 200)
                .flatMap(i -> tx.inRetryingTransaction(() -> numbers.next(GAPLESS)), 200)
                .collectList().block();

        int year = java.time.LocalDate.now(java.time.ZoneOffset.UTC).getYear();
        Set<String> expected = LongStream.rangeClosed(before + 1, before + 200)
                .mapToObj(n -> GAPLESS.format(n, year)).collect(Collectors.toSet());
        assertThat(new HashSet<>(allocated)).isEqualTo(expected);
    }

    @Test
    void aRolledBackGaplessNumberIsHandedOutAgain() {
        String kept = tx.inRetryingTransaction(() -> numbers.next(GAPLESS)).block();

        tx.inRetryingTransaction(() -> numbers.next(GAPLESS)
                        .then(Mono.error(new IllegalStateException("document rejected"))))
                .as(StepVerifier::create)
                .expectError(IllegalStateException.class)
                .verify();
        String next = tx.inRetryingTransaction(() -> numbers.next(GAPLESS)).block();

        assertThat(sequenceOf(next)).isEqualTo(sequenceOf(kept) + 1);
    }

    @Test
    void aGaplessNumberOutsideATransactionIsRefused() {
        numbers.next(GAPLESS)
                .as(StepVerifier::create)
                .expectErrorMatches(e -> e instanceof IllegalStateException
                        && e.getMessage().contains("inside the transaction"))
                .verify();
    }

    private long lastGaplessValue() {
        int year = java.time.LocalDate.now(java.time.ZoneOffset.UTC).getYear();
        return db.sql("SELECT last_value FROM document_counters WHERE counter_key = :key")
                .bind("key", GAPLESS.counterKey(year))
                .map(row -> row.get("last_value", Long.class)).one()
                .defaultIfEmpty(0L).block();
    }

    private static long sequenceOf(String number) {
        return Long.parseLong(number.substring(number.lastIndexOf('-') + 1));
    }
}
