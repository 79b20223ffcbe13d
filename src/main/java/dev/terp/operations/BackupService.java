package dev.terp.operations;

import java.util.List;
import java.util.Map;

import reactor.core.publisher.Mono;

import dev.terp.audit.AuditTrail;
import dev.terp.operations.api.BackupView;
import dev.terp.platform.jobs.Job;
import dev.terp.platform.jobs.Jobs;
import dev.terp.platform.security.RequestContext;
import dev.terp.platform.tx.TransactionRunner;

import org.springframework.stereotype.Service;

/** Listing the backups, and starting one as a job (audited in the transaction that records the job). */
@Service
class BackupService {

    private final BackupCatalog catalog;
    private final Jobs jobs;
    private final AuditTrail audit;
    private final TransactionRunner tx;

    BackupService(BackupCatalog catalog, Jobs jobs, AuditTrail audit, TransactionRunner tx) {
        this.catalog = catalog;
        this.jobs = jobs;
        this.audit = audit;
        this.tx = tx;
    }

    Mono<List<BackupView>> list() {
        return catalog.list();
    }

    Mono<Job> start() {
        return RequestContext.actingUser()
                .flatMap(actor -> tx.inRetryingTransaction(() -> jobs.create(BackupWork.TYPE, actor.userId())
                        .flatMap(job -> audit.record("Job", job.id(), "BACKUP_REQUESTED", null,
                                Map.of("type", job.type()), null).thenReturn(job))))
                .doOnNext(jobs::launch);
    }
}
