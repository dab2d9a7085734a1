package io.shelfwise.retail;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.Objects;

/**
 * One row of an online-retail file, as read: an order line of an invoice, which may or may not be a real sale.
 * {@link #whyNotASale()} is the one rule for "a real sale" that every reader of these files applies (price
 * training and evaluation, recommender evaluation, demand, the demo store's seed); {@link #isProductCode()} tells
 * products from postage, fees and adjustments, which the price model learns to price too but which are not in a
 * store's catalogue ({@link #isProductSale()}). Immutable.
 */
public final class RetailRow {

    /** Why a row is not a real sale; the checks run in this order and the first that applies is the reason. */
    public enum NotASale {
        /** The exact same row (every column) appeared earlier in the file: entered twice, counted once. */
        REPEAT,
        /** A cancelled invoice (numbers starting with C). */
        CANCELLATION,
        /** Quantity 0 or below (returns, corrections). */
        NON_POSITIVE_QUANTITY,
        /** Unit price 0 or below (free items, bad-debt adjustments). */
        NON_POSITIVE_PRICE
    }

    private final String invoiceNo;
    private final String stockCode;
    private final String description;
    private final int quantity;
    private final BigDecimal unitPrice;
    private final String customerId;
    private final String country;
    private final LocalDateTime invoiceDate;
    private final boolean repeat;

    RetailRow(String invoiceNo, String stockCode, String description, int quantity, BigDecimal unitPrice,
              String customerId, String country, LocalDateTime invoiceDate, boolean repeat) {
        this.invoiceNo = Objects.requireNonNull(invoiceNo, "invoiceNo");
        this.stockCode = Objects.requireNonNull(stockCode, "stockCode");
        this.description = Objects.requireNonNull(description, "description");
        this.quantity = quantity;
        this.unitPrice = Objects.requireNonNull(unitPrice, "unitPrice");
        this.customerId = customerId;
        this.country = Objects.requireNonNull(country, "country");
        this.invoiceDate = invoiceDate;
        this.repeat = repeat;
    }

    /** The invoice number, never empty. */
    public String invoiceNo() {
        return invoiceNo;
    }

    /** The stock code, never empty (it may still not be a product's, see {@link #isProductCode()}). */
    public String stockCode() {
        return stockCode;
    }

    /** The product description, trimmed; empty when the file has none for this row. */
    public String description() {
        return description;
    }

    public int quantity() {
        return quantity;
    }

    public BigDecimal unitPrice() {
        return unitPrice;
    }

    /** The customer id ({@code 17850}, a trailing {@code .0} removed), or {@code null} for a guest checkout. */
    public String customerId() {
        return customerId;
    }

    /** The country, empty when the file has no Country column. */
    public String country() {
        return country;
    }

    /** When the invoice was made (the shop's local time), or {@code null} when the file has no InvoiceDate. */
    public LocalDateTime invoiceDate() {
        return invoiceDate;
    }

    /** Invoices starting with {@code C} cancel an earlier one. */
    public boolean isCancellation() {
        return invoiceNo.charAt(0) == 'C' || invoiceNo.charAt(0) == 'c';
    }

    /**
     * Whether the stock code is a product's: real products have codes starting with a digit ({@code 85123A});
     * postage, fees, manual adjustments and vouchers have codes such as POST, DOT, M, AMAZONFEE, gift_0001_10.
     */
    public boolean isProductCode() {
        return Character.isDigit(stockCode.charAt(0));
    }

    /** Why this row is not a real sale, or {@code null} when it is one. */
    public NotASale whyNotASale() {
        if (repeat) {
            return NotASale.REPEAT;
        }
        if (isCancellation()) {
            return NotASale.CANCELLATION;
        }
        if (quantity <= 0) {
            return NotASale.NON_POSITIVE_QUANTITY;
        }
        if (unitPrice.signum() <= 0) {
            return NotASale.NON_POSITIVE_PRICE;
        }
        return null;
    }

    /** Something sold in a positive quantity at a positive price, on an invoice that was not cancelled, once. */
    public boolean isRealSale() {
        return whyNotASale() == null;
    }

    /** A real sale of a product: what goes into a store's catalogue, order history and recommendations. */
    public boolean isProductSale() {
        return isProductCode() && isRealSale();
    }

    @Override
    public String toString() {
        return invoiceNo + " " + stockCode + " x" + quantity + " @" + unitPrice
                + (invoiceDate == null ? "" : " on " + invoiceDate);
    }
}
