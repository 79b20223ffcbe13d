package dev.terp.operations;

import java.util.List;

import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.tags.Tag;

import dev.terp.operations.api.BackupView;
import dev.terp.platform.jobs.api.JobView;
import dev.terp.platform.paging.PageRequest;
import dev.terp.platform.web.ApiRoutes;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.ServerResponse;

import static dev.terp.platform.security.Permissions.ADMIN_OPERATIONS;
import static org.springdoc.core.fn.builders.apiresponse.Builder.responseBuilder;
import static org.springdoc.core.fn.builders.parameter.Builder.parameterBuilder;

/** Database backups (scripts/backup-database.sh): the list, and starting one as a job (EXPENSIVE: strict limit). */
@Tag(name = "Backups", description = "Database backups: list them, start one")
@Configuration(proxyBeanMethods = false)
class BackupRoutes {

    static final String PATH = "/api/v1/admin/backups";

    @Bean
    RouterFunction<ServerResponse> backupRouter(ApiRoutes routes, BackupHandler handler) {
        return routes.define("Backups")
                .GET(PATH, ADMIN_OPERATIONS, handler::list, op -> op.operationId("listBackups")
                        .summary("The newest backups in the backup directory (limit, 1-200, default 50), newest "
                                + "first, with their checksum verdict; total counts them all")
                        .description("Older dumps are the retention's to prune (terp.backup.retention-days), not a "
                                + "page to read: a restore starts from a recent one.")
                        .parameter(parameterBuilder().in(ParameterIn.QUERY).name("limit")
                                .description("How many of the newest, 1-200 (default 50)").implementation(Integer.class))
                        .response(responseBuilder().responseCode("200").implementation(BackupList.class)))
                .POST(PATH, ADMIN_OPERATIONS, ApiRoutes.Cost.EXPENSIVE, handler::start, op -> op
                        .operationId("startBackup")
                        .summary("Start a backup now: 202 Accepted with the job (Location: /api/v1/admin/jobs/{id})")
                        .response(responseBuilder().responseCode("202").implementation(JobView.class)))
                .build();
    }

    /** The newest dumps, at most the request's {@code limit}, and how many there are in all. */
    record BackupList(@ArraySchema(maxItems = PageRequest.MAX_LIMIT) List<BackupView> items, int total) {
    }
}
