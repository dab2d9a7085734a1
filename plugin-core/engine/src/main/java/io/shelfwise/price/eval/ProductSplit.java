package io.shelfwise.price.eval;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Writer;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Splits an online-retail file by product: every row of a StockCode goes to the same side, chosen by a seeded hash
 * of the code, so the test side holds products the training side never saw. Rows are copied unchanged (bad rows
 * too: the reader of each side decides about them).
 */
public final class ProductSplit {

    private ProductSplit() {
    }

    /** Whether a product goes to the test side. */
    static boolean isTest(String stockCode, double testShare, long seed) {
        long h = 0xcbf29ce484222325L ^ (seed * 0x9E3779B97F4A7C15L);
        for (int i = 0; i < stockCode.length(); i++) {
            h = (h ^ stockCode.charAt(i)) * 0x100000001B3L;
        }
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        return (h >>> 11) * 0x1.0p-53 < testShare;
    }

    /** Splits {@code input}; returns {train rows, test rows}. */
    public static int[] split(Path input, double testShare, long seed, Path trainOut, Path testOut)
            throws IOException {
        if (!(testShare > 0 && testShare < 1)) {
            throw new IllegalArgumentException("The test share must be between 0 and 1, was " + testShare);
        }
        int[] counts = new int[2];
        try (CSVParser parser = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build()
                .parse(new BufferedReader(new InputStreamReader(Files.newInputStream(input),
                        StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
                                .onUnmappableCharacter(CodingErrorAction.REPLACE))));
             Writer trainWriter = Files.newBufferedWriter(trainOut, StandardCharsets.UTF_8);
             Writer testWriter = Files.newBufferedWriter(testOut, StandardCharsets.UTF_8)) {
            Integer code = null;
            for (String name : parser.getHeaderNames()) {
                if (name.trim().equalsIgnoreCase("StockCode")) {
                    code = parser.getHeaderMap().get(name);
                }
            }
            if (code == null) {
                throw new IllegalArgumentException(input + " has no StockCode column");
            }
            CSVFormat out = CSVFormat.DEFAULT.builder().setHeader(parser.getHeaderNames().toArray(new String[0]))
                    .setRecordSeparator("\n").build();
            try (CSVPrinter train = new CSVPrinter(trainWriter, out); CSVPrinter test = new CSVPrinter(testWriter, out)) {
                for (CSVRecord record : parser) {
                    String stock = record.size() > code ? record.get(code).trim() : "";
                    boolean toTest = isTest(stock, testShare, seed);
                    (toTest ? test : train).printRecord(record.toList());
                    counts[toTest ? 1 : 0]++;
                }
            }
        }
        return counts;
    }
}
