package dev.terp.platform.tx;

import io.r2dbc.spi.R2dbcBadGrammarException;
import io.r2dbc.spi.R2dbcTimeoutException;
import io.r2dbc.spi.R2dbcTransientResourceException;
import org.junit.jupiter.api.Test;

import org.springframework.r2dbc.BadSqlGrammarException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.dao.TransientDataAccessResourceException;

import static org.assertj.core.api.Assertions.assertThat;

class RetryableFailureTest {

    @Test
    void aDeadlockAsR2dbcMysqlReportsItIsRetryable() {
        var deadlock = new TransientDataAccessResourceException("executeMany",
                new R2dbcTransientResourceException("Deadlock found when trying to get lock", "40001", 1213));

        assertThat(RetryableFailure.of(deadlock)).contains(RetryableFailure.DEADLOCK);
    }

    @Test
    void aLockWaitTimeoutAsR2dbcMysqlReportsItIsRetryable() {
        var lockWait = new QueryTimeoutException("update",
                new R2dbcTimeoutException("Lock wait timeout exceeded", "HY000", 1205));

        assertThat(RetryableFailure.of(lockWait)).contains(RetryableFailure.LOCK_WAIT_TIMEOUT);
    }

    @Test
    void otherDatabaseFailuresAreNotRetried() {
        var badSql = new BadSqlGrammarException("select", "SELECT nonsense",
                new R2dbcBadGrammarException("You have an error in your SQL syntax", "42000", 1064));
        var otherTransient = new TransientDataAccessResourceException("connection reset",
                new R2dbcTransientResourceException("Connection reset", "08S01", 2013));

        assertThat(RetryableFailure.isRetryable(badSql)).isFalse();
        assertThat(RetryableFailure.isRetryable(otherTransient)).isFalse();
        assertThat(RetryableFailure.isRetryable(new IllegalStateException("1213"))).isFalse();
    }
}
