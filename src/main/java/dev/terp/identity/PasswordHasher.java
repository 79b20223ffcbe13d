package dev.terp.identity;

import io.micrometer.core.instrument.Counter;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import dev.terp.platform.observability.BusinessTelemetry;

import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * BCrypt hashing, deliberately slow (~50-100 ms), so it runs on the bounded-elastic scheduler and never on an
 * event loop. Unknown usernames are checked against a dummy hash, so the answer takes as long either way. Every
 * check counts as {@code terp_auth_password_checks_total}: how much guessing reaches BCrypt past the login limit.
 */
@Component
class PasswordHasher {

    private static final int STRENGTH = 10;

    private final BCryptPasswordEncoder encoder = new BCryptPasswordEncoder(STRENGTH);
    private final String dummyHash = encoder.encode("timing-equaliser-not-a-password");
    private final Counter checks;

    PasswordHasher(BusinessTelemetry telemetry) {
        this.checks = telemetry.counter("auth.password.checks");
    }

    Mono<String> hash(String password) {
        return Mono.fromCallable(() -> encoder.encode(password)).subscribeOn(Schedulers.boundedElastic());
    }

    Mono<Boolean> matches(String password, String hash) {
        return Mono.fromCallable(() -> {
                    checks.increment();
                    return encoder.matches(password, hash == null ? dummyHash : hash);
                })
                .subscribeOn(Schedulers.boundedElastic())
                .map(matched -> matched && hash != null);
    }

    /** Synchronous, for the start-up bootstrap on the main thread only. */
    String hashAtStartup(String password) {
        return encoder.encode(password);
    }
}
