package dev.terp.platform.jobs;

import java.net.URI;

import reactor.core.publisher.Mono;

import dev.terp.platform.jobs.api.JobView;
import dev.terp.platform.paging.PageRequest;
import dev.terp.platform.web.Responses;

import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;

@Component
public class JobHandler {

    private final Jobs jobs;

    JobHandler(Jobs jobs) {
        this.jobs = jobs;
    }

    Mono<ServerResponse> get(ServerRequest request) {
        return jobs.find(Responses.id(request)).map(JobView::of).flatMap(Responses::ok);
    }

    Mono<ServerResponse> list(ServerRequest request) {
        return jobs.list(PageRequest.from(request)).map(page -> page.map(JobView::of)).flatMap(Responses::page);
    }

    /** 202 Accepted, Location of the job resource to poll, the job as it is now. */
    public static Mono<ServerResponse> accepted(Job job) {
        return ServerResponse.accepted().location(URI.create(JobRoutes.PATH + "/" + job.id()))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(JobView.of(job));
    }
}
