package io.shelfwise.demo.seed;

import java.math.BigDecimal;

/**
 * One order line of the online-retail file: {@code InvoiceNo,StockCode,Description,Quantity,UnitPrice,CustomerID,Country}.
 * Immutable.
 */
public final class RetailLine {

    private final String invoiceNo;
    private final String stockCode;
    private final String description;
    private final int quantity;
    private final BigDecimal unitPrice;
    private final String customerId;
    private final String country;

    RetailLine(String invoiceNo, String stockCode, String description, int quantity, BigDecimal unitPrice,
               String customerId, String country) {
        this.invoiceNo = invoiceNo;
        this.stockCode = stockCode;
        this.description = description;
        this.quantity = quantity;
        this.unitPrice = unitPrice;
        this.customerId = customerId;
        this.country = country;
    }

    public String invoiceNo() {
        return invoiceNo;
    }

    public String stockCode() {
        return stockCode;
    }

    public String description() {
        return description;
    }

    public int quantity() {
        return quantity;
    }

    public BigDecimal unitPrice() {
        return unitPrice;
    }

    /** The customer id, or {@code null} for a guest checkout. */
    public String customerId() {
        return customerId;
    }

    public String country() {
        return country;
    }

    /** Invoices starting with {@code C} cancel an earlier one. */
    public boolean isCancellation() {
        return invoiceNo.startsWith("C");
    }

    /**
     * A sale of a real product: not a cancellation or return, a positive price, and a stock code that starts
     * with a digit (the file also holds postage, fees and manual adjustments under codes such as POST, DOT, M).
     */
    public boolean isProductSale() {
        return !isCancellation() && quantity > 0 && unitPrice.signum() > 0
                && !stockCode.isEmpty() && Character.isDigit(stockCode.charAt(0));
    }
}
