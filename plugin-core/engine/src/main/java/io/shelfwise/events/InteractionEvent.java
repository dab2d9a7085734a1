package io.shelfwise.events;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * One thing a shopper did, as the plugin records it: host-free (no Broadleaf type), ids only (no names, e-mail
 * addresses or other personal data). Which fields are set depends on the {@link EventType}; {@link Builder#build()}
 * checks them, so an event that exists is complete. Immutable and thread-safe.
 */
public final class InteractionEvent {

    static final int MAX_ID_LENGTH = 64;
    static final int MAX_QUERY_LENGTH = 200;

    private final EventType type;
    private final ShopperKey shopper;
    private final String sessionId;
    private final Instant occurredAt;
    private final String itemId;
    private final String categoryId;
    private final String query;
    private final Integer resultCount;
    private final Integer quantity;
    private final BigDecimal unitPrice;
    private final String orderId;
    private final BigDecimal orderTotal;
    private final String placement;
    private final String modelVersion;
    private final String abArm;
    private final ShopperKey linkedCustomer;
    private final BigDecimal rating;

    private InteractionEvent(Builder b) {
        this.type = b.type;
        this.shopper = b.shopper;
        this.sessionId = b.sessionId;
        this.occurredAt = b.occurredAt;
        this.itemId = b.itemId;
        this.categoryId = b.categoryId;
        this.query = b.query;
        this.resultCount = b.resultCount;
        this.quantity = b.quantity;
        this.unitPrice = b.unitPrice;
        this.orderId = b.orderId;
        this.orderTotal = b.orderTotal;
        this.placement = b.placement;
        this.modelVersion = b.modelVersion;
        this.abArm = b.abArm;
        this.linkedCustomer = b.linkedCustomer;
        this.rating = b.rating;
    }

    /** Starts an event of this type by this shopper at this time. */
    public static Builder builder(EventType type, ShopperKey shopper, Instant occurredAt) {
        return new Builder(type, shopper, occurredAt);
    }

    public EventType type() {
        return type;
    }

    public ShopperKey shopper() {
        return shopper;
    }

    /** The web session, or {@code null} (imported history has none). */
    public String sessionId() {
        return sessionId;
    }

    public Instant occurredAt() {
        return occurredAt;
    }

    /** The product, for item events; else {@code null}. */
    public String itemId() {
        return itemId;
    }

    public String categoryId() {
        return categoryId;
    }

    public String query() {
        return query;
    }

    public Integer resultCount() {
        return resultCount;
    }

    public Integer quantity() {
        return quantity;
    }

    public BigDecimal unitPrice() {
        return unitPrice;
    }

    public String orderId() {
        return orderId;
    }

    public BigDecimal orderTotal() {
        return orderTotal;
    }

    public String placement() {
        return placement;
    }

    public String modelVersion() {
        return modelVersion;
    }

    public String abArm() {
        return abArm;
    }

    /** For {@link EventType#LOGIN}: the customer the visitor signed in as. */
    public ShopperKey linkedCustomer() {
        return linkedCustomer;
    }

    /** For {@link EventType#RATED}: the rating given, or {@code null} when the source had none. */
    public BigDecimal rating() {
        return rating;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof InteractionEvent)) {
            return false;
        }
        InteractionEvent e = (InteractionEvent) o;
        return type == e.type && shopper.equals(e.shopper) && Objects.equals(sessionId, e.sessionId)
                && occurredAt.equals(e.occurredAt) && Objects.equals(itemId, e.itemId)
                && Objects.equals(categoryId, e.categoryId) && Objects.equals(query, e.query)
                && Objects.equals(resultCount, e.resultCount) && Objects.equals(quantity, e.quantity)
                && sameAmount(unitPrice, e.unitPrice) && Objects.equals(orderId, e.orderId)
                && sameAmount(orderTotal, e.orderTotal) && Objects.equals(placement, e.placement)
                && Objects.equals(modelVersion, e.modelVersion) && Objects.equals(abArm, e.abArm)
                && Objects.equals(linkedCustomer, e.linkedCustomer) && sameAmount(rating, e.rating);
    }

    private static boolean sameAmount(BigDecimal a, BigDecimal b) {
        return a == null ? b == null : b != null && a.compareTo(b) == 0;
    }

    @Override
    public int hashCode() {
        return Objects.hash(type, shopper, occurredAt, itemId, orderId);
    }

    @Override
    public String toString() {
        return type + "{" + shopper + " at " + occurredAt
                + (itemId == null ? "" : " item=" + itemId)
                + (categoryId == null ? "" : " category=" + categoryId)
                + (query == null ? "" : " query='" + query + "' results=" + resultCount)
                + (quantity == null ? "" : " qty=" + quantity)
                + (unitPrice == null ? "" : " price=" + unitPrice.toPlainString())
                + (orderId == null ? "" : " order=" + orderId)
                + (placement == null ? "" : " placement=" + placement)
                + (linkedCustomer == null ? "" : " customer=" + linkedCustomer)
                + (rating == null ? "" : " rating=" + rating.toPlainString()) + "}";
    }

    /** Collects an event's fields; {@link #build()} checks that the type's fields are there and sane. */
    public static final class Builder {
        private final EventType type;
        private final ShopperKey shopper;
        private final Instant occurredAt;
        private String sessionId;
        private String itemId;
        private String categoryId;
        private String query;
        private Integer resultCount;
        private Integer quantity;
        private BigDecimal unitPrice;
        private String orderId;
        private BigDecimal orderTotal;
        private String placement;
        private String modelVersion;
        private String abArm;
        private ShopperKey linkedCustomer;
        private BigDecimal rating;

        private Builder(EventType type, ShopperKey shopper, Instant occurredAt) {
            this.type = Objects.requireNonNull(type, "type");
            this.shopper = Objects.requireNonNull(shopper, "shopper");
            this.occurredAt = Objects.requireNonNull(occurredAt, "occurredAt");
        }

        public Builder sessionId(String value) {
            this.sessionId = id(value, "session id");
            return this;
        }

        public Builder item(String value) {
            this.itemId = id(value, "item id");
            return this;
        }

        public Builder category(String value) {
            this.categoryId = id(value, "category id");
            return this;
        }

        /** The search text, trimmed and cut to 200 characters. */
        public Builder query(String value, int results) {
            String trimmed = value == null ? null : value.trim();
            this.query = trimmed == null || trimmed.length() <= MAX_QUERY_LENGTH
                    ? trimmed : trimmed.substring(0, MAX_QUERY_LENGTH);
            this.resultCount = results;
            return this;
        }

        public Builder quantity(int value) {
            this.quantity = value;
            return this;
        }

        public Builder unitPrice(BigDecimal value) {
            this.unitPrice = value;
            return this;
        }

        public Builder order(String id, BigDecimal total) {
            this.orderId = id(id, "order id");
            this.orderTotal = total;
            return this;
        }

        public Builder placement(String value) {
            this.placement = id(value, "placement");
            return this;
        }

        public Builder model(String version, String arm) {
            this.modelVersion = id(version, "model version");
            this.abArm = id(arm, "A/B arm");
            return this;
        }

        /** A rating between 0 and 100 (files use 1-5 stars, 0-10 and the like). */
        public Builder rating(BigDecimal value) {
            this.rating = value;
            return this;
        }

        public Builder linkedCustomer(ShopperKey customer) {
            this.linkedCustomer = customer;
            return this;
        }

        /**
         * @throws IllegalArgumentException naming what the event type needs and is missing or out of range
         */
        public InteractionEvent build() {
            switch (type) {
                case PRODUCT_VIEW:
                case CART_REMOVE:
                    require(itemId != null, "an item");
                    break;
                case CATEGORY_VIEW:
                    require(categoryId != null, "a category");
                    break;
                case SEARCH:
                    require(query != null && !query.isEmpty(), "a query");
                    require(resultCount != null && resultCount >= 0, "a result count of 0 or more");
                    break;
                case CART_ADD:
                    require(itemId != null, "an item");
                    require(quantity != null && quantity >= 1, "a quantity of 1 or more");
                    break;
                case CART_UPDATE:
                    require(itemId != null, "an item");
                    require(quantity != null && quantity >= 0, "a quantity of 0 or more");
                    break;
                case CHECKOUT:
                    require(itemId != null, "an item");
                    require(orderId != null, "an order id");
                    require(quantity != null && quantity >= 1, "a quantity of 1 or more");
                    require(unitPrice != null && unitPrice.signum() >= 0, "a unit price of 0 or more");
                    require(orderTotal == null || orderTotal.signum() >= 0, "an order total of 0 or more");
                    break;
                case LOGIN:
                    require(!shopper.isCustomer(), "a visitor as shopper");
                    require(linkedCustomer != null && linkedCustomer.isCustomer(), "the customer signed in as");
                    break;
                case WIDGET_IMPRESSION:
                    require(placement != null, "a placement");
                    break;
                case WIDGET_CLICK:
                    require(placement != null, "a placement");
                    require(itemId != null, "an item");
                    break;
                case RATED:
                    require(itemId != null, "an item");
                    require(rating == null || (rating.signum() >= 0 && rating.compareTo(BigDecimal.valueOf(100)) <= 0),
                            "a rating between 0 and 100");
                    break;
                default:
                    throw new IllegalStateException("Unhandled event type " + type);
            }
            if (unitPrice != null) {
                require(unitPrice.signum() >= 0, "a unit price of 0 or more");
            }
            return new InteractionEvent(this);
        }

        private void require(boolean condition, String what) {
            if (!condition) {
                throw new IllegalArgumentException("A " + type + " event needs " + what);
            }
        }

        private static String id(String value, String what) {
            if (value == null) {
                return null;
            }
            String trimmed = value.trim();
            if (trimmed.isEmpty()) {
                return null;
            }
            if (trimmed.length() > MAX_ID_LENGTH) {
                throw new IllegalArgumentException("A " + what + " is at most " + MAX_ID_LENGTH
                        + " characters, was " + trimmed.length());
            }
            return trimmed;
        }
    }
}
