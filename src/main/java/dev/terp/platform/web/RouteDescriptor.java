package dev.terp.platform.web;

/** One declared API route and the permission it requires; the security tests walk these. */
public record RouteDescriptor(String method, String path, String permission, ApiRoutes.Cost cost) {
}
