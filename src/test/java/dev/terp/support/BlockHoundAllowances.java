package dev.terp.support;

import reactor.blockhound.BlockHound;
import reactor.blockhound.integration.BlockHoundIntegration;

/**
 * The few blocking calls we accept on event-loop threads, each for a reason:
 * <ul>
 *   <li>Swagger UI's static files are looked up in the webjar (a jar read) by Spring's resource resolver; the
 *   files are tiny, cached by the OS, and only developers fetch them.</li>
 *   <li>springdoc builds the OpenAPI document once (pre-loaded at start-up, see application.yml) by scanning the
 *   class path; a request that arrives before that finishes builds it itself. The result is cached.</li>
 *   <li>Jackson guards the one-time creation of a type's deserializer with a short lock; concurrent first requests
 *   for a type may wait on it for microseconds. It is CPU work, never I/O.</li>
 *   <li>Lettuce guards the hand-over of commands to a shared Redis connection with a short lock; when several event
 *   loops write at once one waits for the other's enqueue, never for the network.</li>
 *   <li>Netty 4.2's adaptive buffer allocator takes a short lock when it grows or frees a magazine of buffers;
 *   event loops allocating at the same moment wait for each other's bookkeeping, not for I/O.</li>
 * </ul>
 * Everything else that blocks an event loop fails the test that caused it.
 */
public class BlockHoundAllowances implements BlockHoundIntegration {

    @Override
    public void applyTo(BlockHound.Builder builder) {
        builder.allowBlockingCallsInside("org.springframework.web.reactive.resource.LiteWebJarsResourceResolver",
                        "findWebJarResourcePath")
                .allowBlockingCallsInside("org.springdoc.api.AbstractOpenApiResource", "getOpenApi")
                .allowBlockingCallsInside("tools.jackson.databind.deser.DeserializerCache",
                        "_createAndCacheValueDeserializer")
                .allowBlockingCallsInside("io.lettuce.core.protocol.SharedLock", "incrementWriters")
                .allowBlockingCallsInside("io.lettuce.core.protocol.SharedLock", "decrementWriters")
                .allowBlockingCallsInside("io.netty.buffer.AdaptivePoolingAllocator$MagazineGroup",
                        "tryExpandMagazines")
                .allowBlockingCallsInside("io.netty.buffer.AdaptivePoolingAllocator$Magazine", "free");
    }
}
