package dev.terp.operations;

import reactor.core.publisher.Mono;

import dev.terp.platform.jobs.JobHandler;
import dev.terp.platform.paging.PageRequest;
import dev.terp.platform.web.Responses;

import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;

@Component
class BackupHandler {

    private final BackupService backups;

    BackupHandler(BackupService backups) {
        this.backups = backups;
    }

    Mono<ServerResponse> list(ServerRequest request) {
        int limit = PageRequest.limitFrom(request);
        return backups.list().flatMap(all -> Responses.ok(
                new BackupRoutes.BackupList(all.stream().limit(limit).toList(), all.size())));
    }

    Mono<ServerResponse> start(ServerRequest request) {
        return backups.start().flatMap(JobHandler::accepted);
    }
}
