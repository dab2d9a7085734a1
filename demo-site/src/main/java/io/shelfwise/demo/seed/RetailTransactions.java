package io.shelfwise.demo.seed;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The rows of an online-retail transactions file, read whole (the file is small: about 40,000 rows).
 * Rows that cannot be parsed (missing columns, a quantity or price that is not a number) are skipped and
 * counted, never fatal: a broken row must not stop a store from starting.
 */
public final class RetailTransactions {

    private static final String[] HEADER = {
            "InvoiceNo", "StockCode", "Description", "Quantity", "UnitPrice", "CustomerID", "Country"};

    private final List<RetailLine> lines;
    private final int rejectedRows;

    private RetailTransactions(List<RetailLine> lines, int rejectedRows) {
        this.lines = Collections.unmodifiableList(lines);
        this.rejectedRows = rejectedRows;
    }

    /**
     * Reads a file with the online-retail header.
     *
     * @throws IOException if the file cannot be read or its header is not the expected one
     */
    public static RetailTransactions read(Path file) throws IOException {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return read(reader, file.toString());
        }
    }

    static RetailTransactions read(Reader reader, String source) throws IOException {
        CSVFormat format = CSVFormat.DEFAULT.builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .setIgnoreSurroundingSpaces(false)
                .build();
        List<RetailLine> lines = new ArrayList<>();
        int rejected = 0;
        try (CSVParser parser = format.parse(reader)) {
            for (String column : HEADER) {
                if (!parser.getHeaderMap().containsKey(column)) {
                    throw new IOException(source + ": expected the columns " + String.join(",", HEADER)
                            + " but the header is " + parser.getHeaderNames());
                }
            }
            for (CSVRecord record : parser) {
                RetailLine line = parse(record);
                if (line == null) {
                    rejected++;
                } else {
                    lines.add(line);
                }
            }
        }
        return new RetailTransactions(lines, rejected);
    }

    private static RetailLine parse(CSVRecord record) {
        if (!record.isConsistent()) {
            return null;
        }
        String invoice = record.get("InvoiceNo").trim();
        String stockCode = record.get("StockCode").trim();
        if (invoice.isEmpty() || stockCode.isEmpty()) {
            return null;
        }
        try {
            int quantity = Integer.parseInt(record.get("Quantity").trim());
            BigDecimal price = new BigDecimal(record.get("UnitPrice").trim());
            String customer = record.get("CustomerID").trim();
            return new RetailLine(invoice, stockCode, record.get("Description").trim(), quantity, price,
                    customer.isEmpty() ? null : customer, record.get("Country").trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    public List<RetailLine> lines() {
        return lines;
    }

    /** Rows skipped because they could not be parsed. */
    public int rejectedRows() {
        return rejectedRows;
    }
}
