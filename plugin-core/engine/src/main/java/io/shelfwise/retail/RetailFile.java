package io.shelfwise.retail;

import io.shelfwise.internal.QuotedText;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Reads online-retail files ({@code InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,
 * Country}) row by row, streaming. The header is required; columns are found by name (any case, any order, extra
 * columns ignored); InvoiceNo, StockCode, Quantity and UnitPrice are required, the others optional. Every row that
 * can be read reaches the sink, sales or not: whether it is a real sale is {@link RetailRow#whyNotASale()}, and
 * exact repeats of an earlier row are marked as such. A row that cannot be read (too few columns, no invoice or
 * stock code, a quantity that is not a whole number, a price that is not a finite number, a date that is not ISO
 * local time such as {@code 2010-12-01T08:26}) is skipped and counted, never fatal, with the first few reported
 * by line. Bytes that are not UTF-8 are replaced. Thread-safe (no state).
 */
public final class RetailFile {

    /** Columns a file must have. */
    public static final List<String> REQUIRED_COLUMNS =
            Collections.unmodifiableList(Arrays.asList("InvoiceNo", "StockCode", "Quantity", "UnitPrice"));

    private static final int PROBLEMS_KEPT = 10;
    private static final char FIELD_SEPARATOR = '\u0001';

    private RetailFile() {
    }

    /** What a read found. Immutable. */
    public static final class Summary {
        private final long rows;
        private final long unreadable;
        private final List<String> problems;
        private final boolean dated;

        Summary(long rows, long unreadable, List<String> problems, boolean dated) {
            this.rows = rows;
            this.unreadable = unreadable;
            this.problems = Collections.unmodifiableList(new ArrayList<>(problems));
            this.dated = dated;
        }

        /** Data rows in the file (the header not counted). */
        public long rows() {
            return rows;
        }

        /** Rows skipped because they could not be read. */
        public long unreadable() {
            return unreadable;
        }

        /** The first few unreadable rows, as {@code "line N: why"}. */
        public List<String> problems() {
            return problems;
        }

        /** Whether the file has an InvoiceDate column. */
        public boolean dated() {
            return dated;
        }

        @Override
        public String toString() {
            return rows + " rows, " + unreadable + " unreadable" + (problems.isEmpty() ? "" : " (first: "
                    + problems.get(0) + ")");
        }
    }

    /**
     * Reads a file, handing each readable row to the sink in file order.
     *
     * @throws IOException if the file cannot be opened or read
     * @throws IllegalArgumentException naming the file, if a required column is missing or its CSV quoting is
     *                                  broken
     */
    public static Summary read(Path file, Consumer<RetailRow> sink) throws IOException {
        try (Reader reader = new BufferedReader(new InputStreamReader(Files.newInputStream(file),
                StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
                        .onUnmappableCharacter(CodingErrorAction.REPLACE)))) {
            return read(reader, file.toString(), sink);
        }
    }

    /** Reads rows from a reader; {@code source} names it in messages. Same contract as {@link #read(Path, Consumer)}. */
    public static Summary read(Reader reader, String source, Consumer<RetailRow> sink) throws IOException {
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true)
                .setIgnoreSurroundingSpaces(true).setIgnoreEmptyLines(true).build();
        try (CSVParser parser = format.parse(reader)) {
            Columns columns = new Columns(parser.getHeaderMap(), source);
            Set<String> seen = new HashSet<>();
            List<String> problems = new ArrayList<>();
            long rows = 0;
            long unreadable = 0;
            for (CSVRecord record : parser) {
                rows++;
                RetailRow row;
                try {
                    row = columns.row(record, seen);
                } catch (IllegalArgumentException e) {
                    unreadable++;
                    if (problems.size() < PROBLEMS_KEPT) {
                        problems.add("line " + (record.getRecordNumber() + 1) + ": " + e.getMessage());
                    }
                    continue;
                }
                sink.accept(row);
            }
            return new Summary(rows, unreadable, problems, columns.date >= 0);
        } catch (UncheckedIOException e) {
            throw new IllegalArgumentException("Cannot read " + source + " as CSV: " + e.getCause().getMessage(), e);
        }
    }

    /** Where each column is; -1 for an optional column the file lacks. */
    private static final class Columns {
        final int width;
        final int invoice;
        final int stockCode;
        final int quantity;
        final int price;
        final int description;
        final int customer;
        final int country;
        final int date;

        Columns(Map<String, Integer> header, String source) {
            Map<String, Integer> byName = new HashMap<>();
            for (Map.Entry<String, Integer> e : header.entrySet()) {
                byName.put(e.getKey().trim().toLowerCase(Locale.ROOT), e.getValue());
            }
            for (String column : REQUIRED_COLUMNS) {
                if (!byName.containsKey(column.toLowerCase(Locale.ROOT))) {
                    throw new IllegalArgumentException(source + " has no column " + column + "; an online-retail "
                            + "file needs a header with " + String.join(",", REQUIRED_COLUMNS)
                            + " (and optionally Description,InvoiceDate,CustomerID,Country)");
                }
            }
            width = header.size();
            invoice = byName.get("invoiceno");
            stockCode = byName.get("stockcode");
            quantity = byName.get("quantity");
            price = byName.get("unitprice");
            description = byName.getOrDefault("description", -1);
            customer = byName.getOrDefault("customerid", -1);
            country = byName.getOrDefault("country", -1);
            date = byName.getOrDefault("invoicedate", -1);
        }

        RetailRow row(CSVRecord record, Set<String> seen) {
            if (record.size() < width) {
                throw new IllegalArgumentException(width + " columns expected, found " + record.size());
            }
            String invoiceNo = record.get(invoice).trim();
            String code = record.get(stockCode).trim();
            if (invoiceNo.isEmpty()) {
                throw new IllegalArgumentException("no InvoiceNo");
            }
            if (code.isEmpty()) {
                throw new IllegalArgumentException("no StockCode");
            }
            int units;
            try {
                units = new BigDecimal(record.get(quantity).trim()).intValueExact();
            } catch (ArithmeticException | NumberFormatException e) {
                throw new IllegalArgumentException("Quantity is not a whole number: " + shortened(record.get(quantity)));
            }
            BigDecimal unitPrice;
            try {
                unitPrice = new BigDecimal(record.get(price).trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("UnitPrice is not a number: " + shortened(record.get(price)));
            }
            if (Double.isInfinite(unitPrice.doubleValue())) {
                throw new IllegalArgumentException("UnitPrice is out of range: " + shortened(record.get(price)));
            }
            LocalDateTime when = null;
            if (date >= 0) {
                try {
                    when = LocalDateTime.parse(record.get(date).trim());
                } catch (DateTimeParseException e) {
                    throw new IllegalArgumentException("InvoiceDate is not an ISO local time such as "
                            + "2010-12-01T08:26: " + shortened(record.get(date)));
                }
            }
            String customerId = optional(record, customer);
            if (customerId.endsWith(".0")) {
                customerId = customerId.substring(0, customerId.length() - 2);
            }
            boolean repeat = !seen.add(String.join(String.valueOf(FIELD_SEPARATOR), record.toList()));
            return new RetailRow(invoiceNo, code, optional(record, description), units, unitPrice,
                    customerId.isEmpty() ? null : customerId, optional(record, country), when, repeat);
        }

        private static String optional(CSVRecord record, int column) {
            return column < 0 ? "" : record.get(column).trim();
        }

        private static String shortened(String value) {
            return QuotedText.of(value.trim(), 40);
        }
    }
}
