package io.shelfwise.demo.seed;

import io.shelfwise.retail.RetailFile;
import io.shelfwise.retail.RetailRow;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The rows of an online-retail transactions file, read whole by the engine's {@link RetailFile} (the seed file is
 * small: about 40,000 rows). Rows that cannot be read are skipped and counted, never fatal: a broken row must not
 * stop a store from starting. Which rows are sales is {@link RetailRow#isProductSale()}. Immutable.
 */
public final class RetailTransactions {

    private final List<RetailRow> lines;
    private final long rejectedRows;

    private RetailTransactions(List<RetailRow> lines, long rejectedRows) {
        this.lines = Collections.unmodifiableList(lines);
        this.rejectedRows = rejectedRows;
    }

    /**
     * Reads a file with the online-retail header.
     *
     * @throws IOException if the file cannot be read or is not an online-retail file
     */
    public static RetailTransactions read(Path file) throws IOException {
        List<RetailRow> lines = new ArrayList<>();
        try {
            return new RetailTransactions(lines, RetailFile.read(file, lines::add).unreadable());
        } catch (IllegalArgumentException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    static RetailTransactions read(Reader reader, String source) throws IOException {
        List<RetailRow> lines = new ArrayList<>();
        try {
            return new RetailTransactions(lines, RetailFile.read(reader, source, lines::add).unreadable());
        } catch (IllegalArgumentException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    public List<RetailRow> lines() {
        return lines;
    }

    /** Rows skipped because they could not be read. */
    public long rejectedRows() {
        return rejectedRows;
    }
}
