package dev.terp.platform.observability;

import io.micrometer.observation.Observation;
import io.r2dbc.proxy.core.QueryExecutionInfo;
import io.r2dbc.proxy.listener.ProxyExecutionListener;

import org.springframework.boot.r2dbc.autoconfigure.ProxyConnectionFactoryCustomizer;
import org.springframework.boot.r2dbc.autoconfigure.observation.R2dbcObservationAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;

/**
 * SQL spans: Boot's R2DBC observation (r2dbc-proxy on the class path) opens a child span per statement, tagged with
 * the statement text ({@code r2dbc.query[0]}) and never the bound values
 * ({@code management.observations.r2dbc.include-parameter-values} stays false). This adds what the statement
 * touched as a span tag: {@code r2dbc.rows}, the rows a query returned, or {@code r2dbc.rows_updated}, the rows a
 * write changed, so a trace shows which statement read or wrote too much.
 *
 * <p>The listener is registered before the observation's own, so it tags the span just before that one stops it.
 */
@Configuration(proxyBeanMethods = false)
public class SqlSpans {

    static final String ROWS_TAG = "r2dbc.rows";
    static final String ROWS_UPDATED_TAG = "r2dbc.rows_updated";

    @Bean
    @Order(R2dbcObservationAutoConfiguration.R2DBC_PROXY_OBSERVATION_CUSTOMIZER_ORDER - 1)
    ProxyConnectionFactoryCustomizer sqlRowCountSpanTag() {
        return builder -> builder.listener(new RowCountTag());
    }

    static final class RowCountTag implements ProxyExecutionListener {

        private static final String ROWS_UPDATED = "terp.rowsUpdated";

        /** Called per row read, and once with the count for {@code Result.getRowsUpdated()}. */
        @Override
        public void eachQueryResult(QueryExecutionInfo execution) {
            if (execution.getMethod() != null && "getRowsUpdated".equals(execution.getMethod().getName())
                    && execution.getCurrentMappedResult() instanceof Number updated) {
                long before = execution.getValueStore().getOrDefault(ROWS_UPDATED, 0L);
                execution.getValueStore().put(ROWS_UPDATED, before + updated.longValue());
            }
        }

        @Override
        public void afterQuery(QueryExecutionInfo execution) {
            Observation observation = execution.getValueStore().get(Observation.class, Observation.class);
            if (observation == null) {
                return;
            }
            Long updated = execution.getValueStore().get(ROWS_UPDATED, Long.class);
            if (updated != null) {
                observation.highCardinalityKeyValue(ROWS_UPDATED_TAG, Long.toString(updated));
            }
            else {
                observation.highCardinalityKeyValue(ROWS_TAG, Integer.toString(execution.getCurrentResultCount()));
            }
        }
    }
}
