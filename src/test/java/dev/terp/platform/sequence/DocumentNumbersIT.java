package dev.terp.platform.sequence;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import dev.terp.platform.tx.TransactionRunner;
import dev.terp.support.IntegrationTest;
import dev.terp.support.TestDatabase;

import org.springframework.beans.factory.annotation.Autowired;

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
    TestDatabase rows;

    @BeforeAll
    static void allocationTable(@Autowired TestDatabase rows) {
        rows.update("CREATE TABLE IF NOT EXISTS seq_tstd (id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY, "
                + "allocated_at TIMESTAMP(6) NOT NULL) ENGINE = InnoDB", Map.of());
    }

    @Test
    void twoHundredParallelStandardAllocationsGiveTwoHundredDistinctNumbers() {
        Flux.range(0, 200)
                .flatMap(i -> tx.inRetryingTransaction(() -> numbers.next(STANDARD)), 200)
                .collectList()
                .as(StepVerifier::create)
                .assertNext(allocated -> {
                    assertThat(allocated).hasSize(200).allMatch(n -> n.matches("TSTD-\\d{6,}"));
                    assertThat(new HashSet<>(allocated)).hasSize(200);
                })
                .verifyComplete();
    }

    @Test
    void twoHundredParallelGaplessAllocationsAreContiguous() {
        long before = lastGaplessValue();

        int year = java.time.LocalDate.now(java.time.ZoneOffset.UTC).getYear();
        Set<String> expected = LongStream.rangeClosed(before + 1, before + 200)
                .mapToObj(n -> GAPLESS.format(n, year)).collect(Collectors.toSet());
        Flux.range(0, 200)
                .flatMap(i -> tx.inRetryingTransaction(() -> numbers.next(GAPLESS)), 200)
                .collect(Collectors.toSet())
                .as(StepVerifier::create)
                .expectNext(expected)
                .verifyComplete();
    }

    @Test
    void aRolledBackGaplessNumberIsHandedOutAgain() {
        List<String> issued = new ArrayList<>();
        tx.inRetryingTransaction(() -> numbers.next(GAPLESS))
                .as(StepVerifier::create).consumeNextWith(issued::add).verifyComplete();

        tx.inRetryingTransaction(() -> numbers.next(GAPLESS)
                        .then(Mono.error(new IllegalStateException("document rejected"))))
                .as(StepVerifier::create)
                .expectError(IllegalStateException.class)
                .verify();
        tx.inRetryingTransaction(() -> numbers.next(GAPLESS))
                .as(StepVerifier::create).consumeNextWith(issued::add).verifyComplete();

        assertThat(sequenceOf(issued.get(1))).isEqualTo(sequenceOf(issued.get(0)) + 1);
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
        Long last = rows.value("SELECT last_value FROM document_counters WHERE counter_key = :key",
                Map.of("key", GAPLESS.counterKey(year)), Long.class);
        return last == null ? 0L : last;
    }

    private static long sequenceOf(String number) {
        return Long.parseLong(number.substring(number.lastIndexOf('-') + 1));
    }
}
