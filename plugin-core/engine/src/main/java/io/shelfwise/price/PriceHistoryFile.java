package io.shelfwise.price;

import io.shelfwise.retail.RetailFile;
import io.shelfwise.retail.RetailRow;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads an online-retail file (see {@link RetailFile}) into a {@link PriceHistory}: every real sale
 * ({@link RetailRow#whyNotASale()}) becomes a sale line, every other row is counted by why it was left out.
 * Postage and fee codes are kept: the model learns their prices too ({@code f:code_not_numeric}). Every stock code
 * is listed, with the most frequent non-empty description among its rows as its text (rows that are not sales
 * included, so a product sold only in returned or cancelled rows is still listed and can be priced).
 */
public final class PriceHistoryFile {

    private PriceHistoryFile() {
    }

    /**
     * @throws IOException if the file cannot be read
     * @throws IllegalArgumentException naming the file, if it is not an online-retail file
     */
    public static PriceHistory read(Path file) throws IOException {
        Map<PriceHistory.Rejection, Integer> rejected = new EnumMap<>(PriceHistory.Rejection.class);
        Map<String, Map<String, Integer>> descriptions = new LinkedHashMap<>();
        List<SaleLine> sales = new ArrayList<>();
        RetailFile.Summary summary = RetailFile.read(file, row -> {
            Map<String, Integer> texts = descriptions.computeIfAbsent(row.stockCode(), k -> new LinkedHashMap<>());
            if (!row.description().isEmpty()) {
                texts.merge(row.description(), 1, Integer::sum);
            }
            RetailRow.NotASale why = row.whyNotASale();
            if (why == null) {
                sales.add(new SaleLine(row.stockCode(), row.invoiceNo(), row.quantity(), row.unitPrice().doubleValue()));
            } else {
                rejected.merge(rejection(why), 1, Integer::sum);
            }
        });
        if (summary.unreadable() > 0) {
            rejected.put(PriceHistory.Rejection.MALFORMED, (int) summary.unreadable());
        }
        Map<String, ProductListing> products = new LinkedHashMap<>();
        for (Map.Entry<String, Map<String, Integer>> e : descriptions.entrySet()) {
            products.put(e.getKey(), ProductListing.of(e.getKey(), mostFrequent(e.getValue()), null, null));
        }
        return new PriceHistory(products, sales, rejected);
    }

    private static PriceHistory.Rejection rejection(RetailRow.NotASale why) {
        switch (why) {
            case REPEAT:
                return PriceHistory.Rejection.DUPLICATE;
            case CANCELLATION:
                return PriceHistory.Rejection.CANCELLATION;
            case NON_POSITIVE_QUANTITY:
                return PriceHistory.Rejection.NON_POSITIVE_QUANTITY;
            default:
                return PriceHistory.Rejection.NON_POSITIVE_PRICE;
        }
    }
    private static String mostFrequent(Map<String, Integer> counts) {
        String best = "";
        int bestCount = 0;
        for (Map.Entry<String, Integer> e : counts.entrySet()) {
            if (e.getValue() > bestCount) {
                best = e.getKey();
                bestCount = e.getValue();
            }
        }
        return best;
    }
}
