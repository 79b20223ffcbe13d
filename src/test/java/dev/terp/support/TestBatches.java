package dev.terp.support;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Test batches, each with its own vendor, brand, category, product and lot unless told otherwise:
 * {@code aBatch().withStatus("LIVE").withOnHand("5").receive(http)}.
 * <p>
 * {@link Spec#receive} creates the batch over the API, exactly as a client would (intake, then status changes,
 * reservations, quarantine and hold): prefer it, because it can only build states the server allows — stock that
 * arrived once, through an INTAKE movement, at a location. {@link Spec#insert} writes the rows straight into the
 * tables, for what the API cannot reach: a batch of zero stock outside SOLD_OUT, thousands of batches in seconds, a
 * ledger that starts empty (tests counting a batch's movements or audit rows from zero), or rows tied to an
 * existing vendor/category by id. It writes no movement and no location row: a test that needs them adds them.
 */
public final class TestBatches {

    /** Who holds the reserved stock a batch starts with: a hand reservation, as an operator would make. */
    public static final String HOLDER_TYPE = "MANUAL";
    public static final long HOLDER_ID = 1L;

    private TestBatches() {
    }

    public static Spec aBatch() {
        return new Spec();
    }

    public static final class Spec {

        private String prefix = "Test";
        private String status = "LIVE";
        private BigDecimal onHand = BigDecimal.ZERO;
        private BigDecimal reserved = BigDecimal.ZERO;
        private BigDecimal quarantine = BigDecimal.ZERO;
        private BigDecimal hold = BigDecimal.ZERO;
        private String cogsMode = "FIXED";
        private BigDecimal unitCogs = new BigDecimal("12.5");
        private BigDecimal unitCogsMin;
        private BigDecimal unitCogsMax;
        private LocalDate expiration;
        private Long vendorId;
        private Long categoryId;
        private String categoryName;
        private String gradeName;

        private Spec() {
        }

        /** Names become "{prefix} Vendor {tag}", "{prefix} Brand {tag}", "{prefix} Product {tag}" and so on. */
        public Spec named(String namePrefix) {
            this.prefix = namePrefix;
            return this;
        }

        public Spec withStatus(String batchStatus) {
            this.status = batchStatus;
            return this;
        }

        public Spec withOnHand(String quantity) {
            this.onHand = new BigDecimal(quantity);
            return this;
        }

        /** Reserved by {@link #HOLDER_TYPE} {@link #HOLDER_ID}. */
        public Spec withReserved(String quantity) {
            this.reserved = new BigDecimal(quantity);
            return this;
        }

        public Spec withQuarantine(String quantity) {
            this.quarantine = new BigDecimal(quantity);
            return this;
        }

        public Spec withHold(String quantity) {
            this.hold = new BigDecimal(quantity);
            return this;
        }

        /** FIXED cost basis; {@code null} leaves the unit cost empty (a state only {@link #insert} can write). */
        public Spec withFixedCogs(String unit) {
            this.cogsMode = "FIXED";
            this.unitCogs = unit == null ? null : new BigDecimal(unit);
            this.unitCogsMin = null;
            this.unitCogsMax = null;
            return this;
        }

        public Spec withRangeCogs(String min, String max) {
            this.cogsMode = "RANGE";
            this.unitCogs = null;
            this.unitCogsMin = new BigDecimal(min);
            this.unitCogsMax = new BigDecimal(max);
            return this;
        }

        /** FIXED or RANGE with the values of the mode (the others null), as the fixtures of older tests pass them. */
        public Spec withCogs(String mode, String unit, String min, String max) {
            this.cogsMode = mode;
            this.unitCogs = unit == null ? null : new BigDecimal(unit);
            this.unitCogsMin = min == null ? null : new BigDecimal(min);
            this.unitCogsMax = max == null ? null : new BigDecimal(max);
            return this;
        }

        public Spec expiringOn(LocalDate date) {
            this.expiration = date;
            return this;
        }

        /** Bought from this vendor (its own brand and lot); only {@link #insert}. */
        public Spec ofVendor(long vendor) {
            this.vendorId = vendor;
            return this;
        }

        /** In this category; only {@link #insert}. */
        public Spec inCategory(long category) {
            this.categoryId = category;
            return this;
        }

        /** In the category of this name, created if it does not exist yet. */
        public Spec inCategoryNamed(String name) {
            this.categoryName = name;
            return this;
        }

        /** Of the existing grade of this name; only {@link #receive}. */
        public Spec ofGrade(String name) {
            this.gradeName = name;
            return this;
        }

        /** Writes the rows straight into the tables (see the class comment for when). */
        public TestBatch insert(TestDatabase db) {
            if (gradeName != null) {
                throw new IllegalStateException("ofGrade is for receive");
            }
            String tag = Unique.tag();
            long vendor = vendorId != null ? vendorId
                    : db.insert("INSERT INTO vendors (name) VALUES (:name)", Map.of("name", name("Vendor", tag)));
            long brand = db.insert("INSERT INTO brands (name, vendor_id) VALUES (:name, :vendorId)",
                    Map.of("name", name("Brand", tag), "vendorId", vendor));
            long category = categoryId != null ? categoryId : categoryIn(db, tag);
            String productName = name("Product", tag);
            long product = db.insert("INSERT INTO products (brand_id, name_canonical, category_id) "
                            + "VALUES (:brandId, :name, :categoryId)",
                    Map.of("brandId", brand, "name", productName, "categoryId", category));
            long lot = db.insert("INSERT INTO lots (code, vendor_id, received_on) "
                    + "VALUES (:code, :vendorId, CURRENT_DATE)", Map.of("code", "LOT-T" + tag, "vendorId", vendor));
            Map<String, Object> values = new LinkedHashMap<>();
            values.put("code", "BCH-T" + tag);
            values.put("sku", "TEST-" + tag);
            values.put("productId", product);
            values.put("lotId", lot);
            values.put("status", status);
            values.put("mode", cogsMode);
            values.put("unitCogs", unitCogs);
            values.put("min", unitCogsMin);
            values.put("max", unitCogsMax);
            values.put("onHand", onHand);
            values.put("reserved", reserved);
            values.put("quarantine", quarantine);
            values.put("hold", hold);
            values.put("expiration", expiration);
            long id = db.insert("INSERT INTO batches (code, sku, product_id, lot_id, status, cogs_mode, unit_cogs, "
                    + "unit_cogs_min, unit_cogs_max, payment_terms, on_hand_qty, reserved_qty, quarantine_qty, "
                    + "hold_qty, expiration_date) VALUES (:code, :sku, :productId, :lotId, :status, :mode, :unitCogs, "
                    + ":min, :max, 'COD', :onHand, :reserved, :quarantine, :hold, :expiration)", values);
            // reservedQty is the sum of the holders' rows: the reserved stock belongs to the one holder.
            if (reserved.signum() > 0) {
                db.insert("INSERT INTO stock_reservations (batch_id, holder_type, holder_id, quantity, reserved_by) "
                                + "VALUES (:batchId, :type, :holderId, :quantity, 0)",
                        Map.of("batchId", id, "type", HOLDER_TYPE, "holderId", HOLDER_ID, "quantity", reserved));
            }
            return new TestBatch(id, vendor, category, product, lot, tag, "BCH-T" + tag, "TEST-" + tag, productName,
                    null);
        }

        /**
         * Creates the batch over the API as the client's user: a direct intake of {@code onHand} (found-or-created
         * vendor, brand, product and location; the category is created first), then the status change, the
         * reservation, quarantine and hold.
         */
        public TestBatch receive(WebTestClient http) {
            if (vendorId != null || categoryId != null) {
                throw new IllegalStateException("ofVendor/inCategory refer to rows by id: use insert");
            }
            if (onHand.signum() <= 0) {
                throw new IllegalStateException("an intake receives more than zero: use insert for an empty batch");
            }
            String tag = Unique.tag();
            String categoryNamed = categoryName != null ? categoryName : name("Cat", tag);
            Long category = categoryName == null ? null : idNamed(http, "/api/v1/categories", categoryName);
            if (category == null) {
                category = ((Number) post(http, "/api/v1/categories", Map.of("name", categoryNamed)).get("id"))
                        .longValue();
            }
            Map<String, Object> body = new HashMap<>();
            body.put("vendorName", name("Vendor", tag));
            body.put("brandName", name("Brand", tag));
            body.put("productName", name("Product", tag));
            body.put("category", categoryNamed);
            body.put("grade", gradeName);
            body.put("quantity", onHand.toPlainString());
            body.put("cogsMode", cogsMode);
            body.put("unitCogs", plain(unitCogs));
            body.put("unitCogsMin", plain(unitCogsMin));
            body.put("unitCogsMax", plain(unitCogsMax));
            body.put("paymentTerms", "COD");
            body.put("location", Map.of("site", name("Site", tag)));
            body.put("expirationDate", expiration == null ? null : expiration.toString());
            Map<?, ?> batch = post(http, "/api/v1/inventory/intake", body);
            long id = ((Number) batch.get("id")).longValue();
            if (!status.equals("AWAITING_INTAKE")) {
                post(http, "/api/v1/batches/" + id + "/status", Map.of("status", "LIVE", "reason", "test batch"));
            }
            if (reserved.signum() > 0) {
                post(http, "/api/v1/batches/" + id + "/reservations", Map.of("quantity", reserved.toPlainString(),
                        "holderType", HOLDER_TYPE, "holderId", HOLDER_ID));
            }
            if (quarantine.signum() > 0) {
                post(http, "/api/v1/batches/" + id + "/quarantine", Map.of("quantity", quarantine.toPlainString()));
            }
            if (hold.signum() > 0) {
                post(http, "/api/v1/batches/" + id + "/hold", Map.of("quantity", hold.toPlainString()));
            }
            if (!status.equals("AWAITING_INTAKE") && !status.equals("LIVE")) {
                post(http, "/api/v1/batches/" + id + "/status", Map.of("status", status, "reason", "test batch"));
            }
            Map<?, ?> stored = get(http, "/api/v1/batches/" + id);
            List<?> locations = (List<?>) get(http, "/api/v1/batches/" + id + "/locations").get("items");
            return new TestBatch(id, idNamed(http, "/api/v1/vendors", name("Vendor", tag)), category,
                    ((Number) stored.get("productId")).longValue(),
                    ((Number) stored.get("lotId")).longValue(), tag, (String) stored.get("code"),
                    (String) stored.get("sku"), name("Product", tag),
                    ((Number) ((Map<?, ?>) locations.get(0)).get("locationId")).longValue());
        }

        private String name(String what, String tag) {
            return prefix + " " + what + " " + tag;
        }

        private long categoryIn(TestDatabase db, String tag) {
            if (categoryName == null) {
                return db.insert("INSERT INTO categories (name) VALUES (:name)", Map.of("name", name("Cat", tag)));
            }
            Long existing = db.value("SELECT id FROM categories WHERE name = :name", Map.of("name", categoryName),
                    Long.class);
            return existing != null ? existing
                    : db.insert("INSERT INTO categories (name) VALUES (:name)", Map.of("name", categoryName));
        }

        /** The id of the resource of this name (as stored, whatever its case), or null. */
        private static Long idNamed(WebTestClient http, String path, String name) {
            Map<?, ?> page = http.get().uri(uri -> uri.path(path).queryParam("q", name).queryParam("limit", 200)
                            .build())
                    .exchange().expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
            return ((List<?>) page.get("items")).stream().map(item -> (Map<?, ?>) item)
                    .filter(item -> name.equalsIgnoreCase((String) item.get("name")))
                    .map(item -> ((Number) item.get("id")).longValue()).findFirst().orElse(null);
        }

        private static String plain(BigDecimal value) {
            return value == null ? null : value.toPlainString();
        }

        private static Map<?, ?> post(WebTestClient http, String path, Map<String, ?> body) {
            return http.post().uri(path).contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange()
                    .expectStatus().is2xxSuccessful().expectBody(Map.class).returnResult().getResponseBody();
        }

        private static Map<?, ?> get(WebTestClient http, String path) {
            return http.get().uri(path).exchange().expectStatus().isOk().expectBody(Map.class).returnResult()
                    .getResponseBody();
        }
    }
}
