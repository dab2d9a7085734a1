package io.shelfwise.retail;

import io.shelfwise.price.PriceHistory;
import io.shelfwise.price.ProductListing;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads order lines in the online-retail format ({@code InvoiceNo,StockCode,Description,Quantity,UnitPrice,
 * CustomerID,Country}, header required, columns found by name, any order, extra columns ignored) into a
 * {@link PriceHistory}. Rows that cannot teach a price are counted, not fatal: cancellations (invoice starting
 * with {@code C}), quantities or prices of 0 or below, unparseable numbers or missing columns, rows without a
 * stock code, and exact repeats of an earlier row. A product's text is the most frequent non-empty description
 * among its rows (rejected rows included, so a product sold only in rejected rows is still listed). Bytes that are
 * not UTF-8 are replaced, never fatal. A missing required column or broken CSV quoting is an
 * {@link IllegalArgumentException} naming the file.
 */
public final class SalesFile {

    static final List<String> COLUMNS = java.util.Arrays.asList("InvoiceNo", "StockCode", "Description",
            "Quantity", "UnitPrice");

    private SalesFile() {
    }

    public static PriceHistory read(Path file) throws IOException {
        Reader reader = new BufferedReader(new InputStreamReader(Files.newInputStream(file),
                StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
                        .onUnmappableCharacter(CodingErrorAction.REPLACE)));
        try (CSVParser parser = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true)
                .setIgnoreSurroundingSpaces(true).setIgnoreEmptyLines(true).build().parse(reader)) {
            Map<String, Integer> index = columns(parser, file);
            return read(parser, index, file);
        } catch (UncheckedIOException e) {
            throw new IllegalArgumentException("Cannot read " + file + " as CSV: " + e.getCause().getMessage(), e);
        }
    }

    private static Map<String, Integer> columns(CSVParser parser, Path file) {
        Map<String, Integer> byLowerName = new HashMap<>();
        for (Map.Entry<String, Integer> e : parser.getHeaderMap().entrySet()) {
            byLowerName.put(e.getKey().trim().toLowerCase(Locale.ROOT), e.getValue());
        }
        Map<String, Integer> index = new HashMap<>();
        for (String column : COLUMNS) {
            Integer i = byLowerName.get(column.toLowerCase(Locale.ROOT));
            if (i == null) {
                throw new IllegalArgumentException(file + " has no column " + column + "; an online-retail file "
                        + "needs a header with " + String.join(",", COLUMNS));
            }
            index.put(column, i);
        }
        return index;
    }

    private static PriceHistory read(CSVParser parser, Map<String, Integer> index, Path file) {
        Map<PriceHistory.Rejection, Integer> rejected = new EnumMap<>(PriceHistory.Rejection.class);
        Map<String, Map<String, Integer>> descriptions = new LinkedHashMap<>();
        List<SaleLine> sales = new ArrayList<>();
        Set<List<String>> seen = new HashSet<>();
        int width = parser.getHeaderMap().size();
        for (CSVRecord record : parser) {
            List<String> row = record.toList();
            if (record.size() < width) {
                reject(rejected, PriceHistory.Rejection.MALFORMED);
                continue;
            }
            String code = record.get(index.get("StockCode")).trim();
            if (code.isEmpty()) {
                reject(rejected, PriceHistory.Rejection.NO_PRODUCT);
                continue;
            }
            String description = record.get(index.get("Description")).trim();
            Map<String, Integer> texts = descriptions.computeIfAbsent(code, k -> new LinkedHashMap<>());
            if (!description.isEmpty()) {
                texts.merge(description, 1, Integer::sum);
            }
            if (!seen.add(row)) {
                reject(rejected, PriceHistory.Rejection.DUPLICATE);
                continue;
            }
            String invoice = record.get(index.get("InvoiceNo")).trim();
            if (invoice.startsWith("C") || invoice.startsWith("c")) {
                reject(rejected, PriceHistory.Rejection.CANCELLATION);
                continue;
            }
            double quantity;
            double price;
            try {
                quantity = Double.parseDouble(record.get(index.get("Quantity")).trim());
                price = Double.parseDouble(record.get(index.get("UnitPrice")).trim());
            } catch (NumberFormatException e) {
                reject(rejected, PriceHistory.Rejection.MALFORMED);
                continue;
            }
            if (Double.isNaN(quantity) || Double.isNaN(price) || Double.isInfinite(price)
                    || quantity != Math.rint(quantity) || Math.abs(quantity) > Integer.MAX_VALUE) {
                reject(rejected, PriceHistory.Rejection.MALFORMED);
            } else if (quantity <= 0) {
                reject(rejected, PriceHistory.Rejection.NON_POSITIVE_QUANTITY);
            } else if (price <= 0) {
                reject(rejected, PriceHistory.Rejection.NON_POSITIVE_PRICE);
            } else {
                sales.add(new SaleLine(code, invoice.isEmpty() ? null : invoice, (int) quantity, price));
            }
        }
        Map<String, ProductListing> products = new LinkedHashMap<>();
        for (Map.Entry<String, Map<String, Integer>> e : descriptions.entrySet()) {
            products.put(e.getKey(), ProductListing.of(e.getKey(), mostFrequent(e.getValue()), null, null));
        }
        return new PriceHistory(products, sales, rejected);
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

    private static void reject(Map<PriceHistory.Rejection, Integer> rejected, PriceHistory.Rejection why) {
        rejected.merge(why, 1, Integer::sum);
    }
}
