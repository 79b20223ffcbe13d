package dev.terp.platform.web;

/** Routes that only the test context has, to provoke failures the real API cannot be made to show on demand. */
public final class TestPaths {

    public static final String FAILING = "/api/v1/test-only/failing";
    public static final String ECHO = "/api/v1/test-only/echo";

    private TestPaths() {
    }
}
