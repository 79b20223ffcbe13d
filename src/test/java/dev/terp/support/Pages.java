package dev.terp.support;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/** Reads a keyset-paged list ({@code {items, nextCursor}}) page by page, as a client would. */
public final class Pages {

    private static final int MAX_PAGES = 1_000;

    private Pages() {
    }

    /**
     * Every page of {@code path} at {@code limit} items per page, following {@code nextCursor} until it is null;
     * each page is checked to hold at most {@code limit} items, and every page but the last exactly that many.
     */
    @SuppressWarnings("unchecked")
    public static List<List<Map<String, Object>>> all(WebTestClient http, String path, int limit) {
        List<List<Map<String, Object>>> pages = new ArrayList<>();
        String cursor = null;
        do {
            String after = cursor;
            Map<String, Object> page = http.get().uri(uri -> {
                        uri.path(path).queryParam("limit", limit);
                        if (after != null) {
                            uri.queryParam("cursor", after);
                        }
                        return uri.build();
                    })
                    .exchange().expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
            List<Map<String, Object>> items = (List<Map<String, Object>>) page.get("items");
            cursor = (String) page.get("nextCursor");
            assertThat(items).hasSizeLessThanOrEqualTo(limit);
            if (cursor != null) {
                assertThat(items).as("a page followed by another is full").hasSize(limit);
            }
            pages.add(items);
        } while (cursor != null && pages.size() < MAX_PAGES);
        assertThat(cursor).as("the last page has no next cursor").isNull();
        return pages;
    }
}
