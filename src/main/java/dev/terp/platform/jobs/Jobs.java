package dev.terp.platform.jobs;

import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import dev.terp.platform.errors.NotFoundException;
import dev.terp.platform.paging.Page;
import dev.terp.platform.paging.PageRequest;

import org.springframework.stereotype.Service;

/**
 * Runs long operations as jobs: {@link #create} records one (inside the caller's transaction, next to its audit row),
 * {@link #launch} claims and runs it in the background on this instance, with a lease in the database that a
 * heartbeat renews. When an instance dies, its lease runs out and {@link #recoverAbandoned} (called by every instance
 * on each tick of {@link JobScheduler}) claims the job and runs it again, up to {@code terp.jobs.max-attempts}.
 */
@Service
public class Jobs {

    static final String RESOURCE = "Job";
    private static final Logger log = LoggerFactory.getLogger(Jobs.class);
    private static final int MAX_ERROR_LENGTH = 1000;

    private final JobRepository jobs;
    private final JobProperties properties;
    private final Map<String, JobWork> work;
    private final String owner;
    private final Counter succeeded;
    private final Counter failed;

    Jobs(JobRepository jobs, JobProperties properties, List<JobWork> work, MeterRegistry meters) {
        this.jobs = jobs;
        this.properties = properties;
        this.work = work.stream().collect(Collectors.toUnmodifiableMap(JobWork::type, Function.identity()));
        this.owner = instanceName() + "/" + UUID.randomUUID().toString().substring(0, 8);
        this.succeeded = Counter.builder("terp.jobs.finished").tag("outcome", "succeeded")
                .description("Jobs that ended").register(meters);
        this.failed = Counter.builder("terp.jobs.finished").tag("outcome", "failed")
                .description("Jobs that ended").register(meters);
    }

    /** Records a QUEUED job; run it with {@link #launch} once the surrounding transaction has committed. */
    public Mono<Job> create(String type, Long requestedBy) {
        if (!work.containsKey(type)) {
            return Mono.error(new IllegalArgumentException("No JobWork bean for job type " + type));
        }
        return jobs.insert(type, requestedBy).flatMap(jobs::find);
    }

    /** Claims the job for this instance and runs it in the background; returns at once. */
    public void launch(Job job) {
        claimAndRun(job.id()).subscribe(ran -> { }, failure -> log.error("Job {} could not be run", job.id(), failure));
    }

    public Mono<Job> find(long id) {
        return jobs.find(id).switchIfEmpty(Mono.error(() -> new NotFoundException(RESOURCE, id)));
    }

    public Mono<Page<Job>> list(PageRequest page) {
        return jobs.page(page).map(rows -> Page.of(rows, page, Job::id));
    }

    public boolean knows(String type) {
        return work.containsKey(type);
    }

    /** Claims every abandoned job it can and runs it; jobs out of attempts end FAILED. */
    Mono<Void> recoverAbandoned() {
        return jobs.failExhausted(properties.maxAttempts())
                .doOnNext(count -> {
                    if (count > 0) {
                        log.warn("{} job(s) failed after being interrupted {} times", count, properties.maxAttempts());
                    }
                })
                .thenMany(jobs.abandoned(properties.maxAttempts()))
                .concatMap(id -> claimAndRun(id).doOnNext(ran -> {
                    if (ran) {
                        log.warn("Job {} was abandoned by its instance and has been run again by {}", id, owner);
                    }
                }))
                .then();
    }

    private Mono<Boolean> claimAndRun(long id) {
        return jobs.claim(id, owner, properties.lease(), properties.maxAttempts())
                .flatMap(claimed -> claimed ? jobs.find(id).flatMap(this::run).thenReturn(true) : Mono.just(false));
    }

    private Mono<Void> run(Job job) {
        JobWork jobWork = work.get(job.type());
        if (jobWork == null) {
            return finish(job, JobStatus.FAILED, null, "No handler for job type " + job.type() + " on " + owner);
        }
        Duration beat = properties.lease().dividedBy(3);
        Disposable heartbeat = Flux.interval(beat, beat)
                .concatMap(tick -> jobs.extendLease(job.id(), owner, properties.lease()))
                .subscribe(kept -> { }, failure -> log.warn("Lease of job {} not renewed", job.id(), failure));
        JobWork.JobProgress progress = (done, total) -> jobs.progress(job.id(), owner, done, total);
        log.info("Job {} ({}) started on {}, attempt {}", job.id(), job.type(), owner, job.attempts());
        return Mono.defer(() -> jobWork.run(job, progress))
                .flatMap(outcome -> finish(job, JobStatus.SUCCEEDED, outcome, null).thenReturn(true))
                .onErrorResume(failure -> {
                    log.error("Job {} ({}) failed", job.id(), job.type(), failure);
                    return finish(job, JobStatus.FAILED, null, describe(failure)).thenReturn(false);
                })
                .doFinally(signal -> heartbeat.dispose())
                .then();
    }

    private Mono<Void> finish(Job job, JobStatus status, String outcome, String error) {
        return jobs.finish(job.id(), owner, status, outcome, error).doOnNext(recorded -> {
            if (!recorded) {
                log.warn("Job {} ended on {} after losing its lease; its result was not recorded", job.id(), owner);
                return;
            }
            (status == JobStatus.SUCCEEDED ? succeeded : failed).increment();
            log.info("Job {} ({}) {}", job.id(), job.type(), status);
        }).then();
    }

    /** The failure's own message (JobWork implementations throw messages meant for admins), bounded. */
    private static String describe(Throwable failure) {
        String message = failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
        return message.length() <= MAX_ERROR_LENGTH ? message : message.substring(0, MAX_ERROR_LENGTH);
    }

    private static String instanceName() {
        String name = System.getenv("HOSTNAME");
        if (name != null && !name.isBlank()) {
            return name;
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        }
        catch (java.io.IOException unknown) {
            return "instance";
        }
    }
}
