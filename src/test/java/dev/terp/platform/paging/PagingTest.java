package dev.terp.platform.paging;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.terp.platform.errors.ValidationException;

import org.springframework.mock.web.reactive.function.server.MockServerRequest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PagingTest {

    @Test
    void aCursorSurvivesTheRoundTripAndLooksOpaque() {
        String encoded = new Cursor(4711).encode();

        assertThat(encoded).doesNotContain("4711");
        assertThat(Cursor.decode(encoded).afterId()).isEqualTo(4711);
    }

    @Test
    void tamperedCursorsAreValidationErrors() {
        assertThatThrownBy(() -> Cursor.decode("not a cursor")).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> Cursor.decode(new Cursor(1).encode().substring(2)))
                .isInstanceOf(ValidationException.class);
    }

    @Test
    void limitDefaultsToFiftyAndMustStayWithinOneToTwoHundred() {
        assertThat(PageRequest.from(MockServerRequest.builder().build()).limit()).isEqualTo(50);
        assertThat(PageRequest.from(MockServerRequest.builder().queryParam("limit", "200").build()).limit())
                .isEqualTo(200);
        for (String bad : List.of("0", "201", "-1", "ten", "1.5")) {
            assertThatThrownBy(() -> PageRequest.from(MockServerRequest.builder().queryParam("limit", bad).build()))
                    .as(bad).isInstanceOf(ValidationException.class);
        }
    }

    @Test
    void aPageKnowsFromTheExtraRowWhetherAnotherFollows() {
        PageRequest request = new PageRequest(2, 0);

        Page<Long> full = Page.of(List.of(1L, 2L, 3L), request, id -> id);
        assertThat(full.items()).containsExactly(1L, 2L);
        assertThat(Cursor.decode(full.nextCursor()).afterId()).isEqualTo(2L);

        Page<Long> last = Page.of(List.of(5L, 6L), request, id -> id);
        assertThat(last.items()).containsExactly(5L, 6L);
        assertThat(last.nextCursor()).isNull();
    }
}
