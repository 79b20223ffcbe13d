package dev.terp.inventory.batch;

import java.math.BigDecimal;

import reactor.core.publisher.Mono;

import dev.terp.platform.persistence.Rows;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Repository;

/** {@code batch_sales}: written only by {@link ReservationPort#consume}, read by the profitability reports. */
@Repository
class BatchSaleRepository {

    private final DatabaseClient db;

    BatchSaleRepository(DatabaseClient db) {
        this.db = db;
    }

    record NewSale(long batchId, BigDecimal quantity, BigDecimal unitPrice, BigDecimal unitCost,
            StockReference reference, long soldBy) {
    }

    Mono<Long> insert(NewSale sale) {
        return db.sql("INSERT INTO batch_sales (batch_id, quantity, unit_price, unit_cost, reference_type, "
                        + "reference_id, sold_by) VALUES (:batchId, :quantity, :unitPrice, :unitCost, :referenceType, "
                        + ":referenceId, :soldBy)")
                .bind("batchId", sale.batchId())
                .bind("quantity", sale.quantity())
                .bind("unitPrice", sale.unitPrice())
                .bind("unitCost", sale.unitCost())
                .bind("referenceType", Parameter.fromOrEmpty(sale.reference().referenceType(), String.class))
                .bind("referenceId", Parameter.fromOrEmpty(sale.reference().referenceId(), Long.class))
                .bind("soldBy", sale.soldBy())
                .filter(statement -> statement.returnGeneratedValues("id"))
                .map(row -> Rows.id(row, "id"))
                .one();
    }
}
