package io.shelfwise.price;

import java.util.Objects;

/**
 * One valid order line: a product sold in some quantity at a unit price. Value type, immutable.
 * Only lines that can teach a price are built: quantity and price above zero, not a cancellation.
 */
public final class SaleLine {

    private final String productId;
    private final String orderId;
    private final int quantity;
    private final double unitPrice;

    public SaleLine(String productId, String orderId, int quantity, double unitPrice) {
        if (productId == null || productId.trim().isEmpty()) {
            throw new IllegalArgumentException("A sale line needs a product id");
        }
        if (quantity <= 0) {
            throw new IllegalArgumentException("A sale line needs a quantity above 0, was " + quantity);
        }
        if (!(unitPrice > 0) || Double.isInfinite(unitPrice)) {
            throw new IllegalArgumentException("A sale line needs a unit price above 0, was " + unitPrice);
        }
        this.productId = productId;
        this.orderId = orderId;
        this.quantity = quantity;
        this.unitPrice = unitPrice;
    }

    public String productId() {
        return productId;
    }

    /** The order (invoice) the line belongs to, or {@code null} when unknown. */
    public String orderId() {
        return orderId;
    }

    public int quantity() {
        return quantity;
    }

    public double unitPrice() {
        return unitPrice;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof SaleLine)) {
            return false;
        }
        SaleLine s = (SaleLine) o;
        return quantity == s.quantity && Double.compare(unitPrice, s.unitPrice) == 0
                && productId.equals(s.productId) && Objects.equals(orderId, s.orderId);
    }

    @Override
    public int hashCode() {
        return Objects.hash(productId, orderId, quantity, unitPrice);
    }

    @Override
    public String toString() {
        return productId + " x" + quantity + " @" + unitPrice + (orderId == null ? "" : " in " + orderId);
    }
}
