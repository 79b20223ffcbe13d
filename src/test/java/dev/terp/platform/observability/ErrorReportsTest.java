package dev.terp.platform.observability;

import java.util.Map;

import io.sentry.Hint;
import io.sentry.SentryEvent;
import io.sentry.protocol.Request;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ErrorReportsTest {

    @Test
    void anEventKeepsOnlyTheRequestMethodAndPath() {
        Request request = new Request();
        request.setMethod("POST");
        request.setUrl("https://api.terp.test/api/v1/inventory/intake?search=secret");
        request.setQueryString("search=secret");
        request.setHeaders(Map.of("Authorization", "Bearer eyJ.token", "X-Request-Id", "r-1"));
        request.setCookies("session=abc");
        request.setData("{\"productName\":\"Blue Dream\"}");
        SentryEvent event = new SentryEvent();
        event.setRequest(request);

        SentryEvent sent = new ErrorReports().stripRequestData().execute(event, new Hint());

        assertThat(sent.getRequest().getMethod()).isEqualTo("POST");
        assertThat(sent.getRequest().getUrl()).isEqualTo("https://api.terp.test/api/v1/inventory/intake");
        assertThat(sent.getRequest().getHeaders()).isNull();
        assertThat(sent.getRequest().getCookies()).isNull();
        assertThat(sent.getRequest().getData()).isNull();
        assertThat(sent.getRequest().getQueryString()).isNull();
    }
}
