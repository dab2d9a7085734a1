package io.shelfwise.events.io;

import io.shelfwise.events.EventType;
import io.shelfwise.events.InteractionEvent;
import io.shelfwise.events.ShopperKey;
import io.shelfwise.internal.QuotedText;
import io.shelfwise.retail.RetailFile;

import java.io.BufferedReader;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Reads the interaction files of {@code ../shared/data} as plugin events, streaming, for evaluation and tests:
 * <ul>
 *   <li>{@link Format#SEQUENCES} ({@code sequences.txt}): {@code user item item ...} in time order; each item
 *       becomes a RATED event of customer {@code user}, one minute after the previous (the file has no times).</li>
 *   <li>{@link Format#ATOMIC_INTER} (RecBole {@code .inter}, e.g. {@code ml-100k.inter}): tab-separated
 *       {@code user_id item_id rating timestamp}; RATED events with the rating at the file's time.</li>
 *   <li>{@link Format#ONLINE_RETAIL} ({@code transactions.csv}, read by {@link RetailFile}): one CHECKOUT event
 *       per order line that is a real sale ({@link io.shelfwise.retail.RetailRow#isProductSale()}); guest invoices
 *       get a visitor key of their own ({@code v:guest-<invoice>}); events are at the InvoiceDate (UK time) when
 *       the file has one, otherwise invoices are a minute apart in file order.</li>
 * </ul>
 * A line that cannot be read is skipped and counted, with the first few reported by line number; a file that is
 * not in the expected format at all is refused with the reason. Thread-safe (no state).
 */
public final class InteractionFile {

    /** File formats understood. */
    public enum Format {
        SEQUENCES, ATOMIC_INTER, ONLINE_RETAIL;

        /** The format of a file, from its name and first line. */
        public static Format detect(Path file) throws IOException {
            String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
            String first;
            try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                first = in.readLine();
            }
            if (first == null) {
                throw new IOException(file + " is empty");
            }
            if (name.endsWith(".inter") || first.startsWith("user_id:token")) {
                return ATOMIC_INTER;
            }
            if (first.startsWith("InvoiceNo,StockCode")) {
                return ONLINE_RETAIL;
            }
            if (first.matches("\\d+( \\d+)+")) {
                return SEQUENCES;
            }
            throw new IOException(file + " is not a sequences file (user item item ...), a RecBole .inter file or an "
                    + "online-retail transactions.csv; its first line is: " + abbreviate(first));
        }
    }

    /** What a read found. Immutable. */
    public static final class Report {
        public final Format format;
        public final long lines;
        public final long events;
        public final long rejected;
        public final List<String> problems;

        Report(Format format, long lines, long events, long rejected, List<String> problems) {
            this.format = format;
            this.lines = lines;
            this.events = events;
            this.rejected = rejected;
            this.problems = Collections.unmodifiableList(problems);
        }

        @Override
        public String toString() {
            return format + ": " + lines + " lines, " + events + " events, " + rejected + " rejected"
                    + (problems.isEmpty() ? "" : " (first: " + problems.get(0) + ")");
        }
    }

    static final Instant SEQUENCE_START = Instant.parse("2014-01-01T00:00:00Z");
    static final Instant RETAIL_START = Instant.parse("2010-12-01T08:00:00Z");
    /** The online retailer's clock: InvoiceDate is UK local time. */
    static final ZoneId RETAIL_ZONE = ZoneId.of("Europe/London");
    private static final int PROBLEMS_KEPT = 10;

    private InteractionFile() {
    }

    /** Reads a file of any supported format, handing each event to the sink in file order. */
    public static Report read(Path file, Consumer<InteractionEvent> sink) throws IOException {
        Format format = Format.detect(file);
        switch (format) {
            case SEQUENCES:
                return readSequences(file, sink);
            case ATOMIC_INTER:
                return readInter(file, sink);
            default:
                return readRetail(file, sink);
        }
    }

    private static Report readSequences(Path file, Consumer<InteractionEvent> sink) throws IOException {
        Counts counts = new Counts();
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            while ((line = in.readLine()) != null) {
                counts.lines++;
                if (line.trim().isEmpty()) {
                    continue;
                }
                String[] fields = line.trim().split("\\s+");
                try {
                    if (fields.length < 2) {
                        throw new IllegalArgumentException("a user and at least one item are needed");
                    }
                    ShopperKey user = ShopperKey.customer(Long.parseLong(fields[0]));
                    List<InteractionEvent> events = new ArrayList<>(fields.length - 1);
                    for (int i = 1; i < fields.length; i++) {
                        Long.parseLong(fields[i]);
                        events.add(InteractionEvent.builder(EventType.RATED, user, SEQUENCE_START.plusSeconds(60L * (i - 1)))
                                .item(fields[i]).build());
                    }
                    for (InteractionEvent event : events) {
                        sink.accept(event);
                    }
                    counts.events += events.size();
                } catch (IllegalArgumentException e) {
                    counts.reject("line " + counts.lines + ": " + e.getMessage());
                }
            }
        }
        return counts.report(Format.SEQUENCES);
    }

    private static Report readInter(Path file, Consumer<InteractionEvent> sink) throws IOException {
        Counts counts = new Counts();
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String header = in.readLine();
            counts.lines++;
            if (header == null || !header.startsWith("user_id")) {
                throw new IOException(file + ": expected a RecBole header (user_id:token item_id:token ...), found "
                        + abbreviate(header));
            }
            String line;
            while ((line = in.readLine()) != null) {
                counts.lines++;
                if (line.trim().isEmpty()) {
                    continue;
                }
                String[] fields = line.split("\t");
                try {
                    if (fields.length < 4) {
                        throw new IllegalArgumentException("4 tab-separated fields expected, found " + fields.length);
                    }
                    long seconds = (long) Double.parseDouble(fields[3]);
                    InteractionEvent event = InteractionEvent.builder(EventType.RATED,
                            ShopperKey.customer(Long.parseLong(fields[0].trim())), Instant.ofEpochSecond(seconds))
                            .item(Long.toString(Long.parseLong(fields[1].trim())))
                            .rating(new BigDecimal(fields[2].trim()))
                            .build();
                    sink.accept(event);
                    counts.events++;
                } catch (IllegalArgumentException e) {
                    counts.reject("line " + counts.lines + ": " + e.getMessage());
                }
            }
        }
        return counts.report(Format.ATOMIC_INTER);
    }

    private static Report readRetail(Path file, Consumer<InteractionEvent> sink) throws IOException {
        Map<String, Integer> invoiceOrder = new HashMap<>();
        Counts counts = new Counts();
        RetailFile.Summary summary;
        try {
            summary = RetailFile.read(file, row -> {
                if (!row.isProductSale()) {
                    return;
                }
                ShopperKey shopper;
                try {
                    shopper = row.customerId() == null ? ShopperKey.visitor("guest-" + row.invoiceNo())
                            : ShopperKey.customer(Long.parseLong(row.customerId()));
                } catch (IllegalArgumentException e) {
                    counts.reject(row.invoiceNo() + " " + row.stockCode() + ": CustomerID is not a number: "
                            + QuotedText.of(row.customerId(), 40));
                    return;
                }
                Instant when;
                if (row.invoiceDate() != null) {
                    when = row.invoiceDate().atZone(RETAIL_ZONE).toInstant();
                } else {
                    Integer rank = invoiceOrder.computeIfAbsent(row.invoiceNo(), k -> invoiceOrder.size());
                    when = RETAIL_START.plusSeconds(60L * rank);
                }
                sink.accept(InteractionEvent.builder(EventType.CHECKOUT, shopper, when).item(row.stockCode())
                        .quantity(row.quantity()).unitPrice(row.unitPrice()).order(row.invoiceNo(), null).build());
                counts.events++;
            });
        } catch (IllegalArgumentException e) {
            throw new IOException(e.getMessage(), e);
        }
        List<String> problems = new ArrayList<>(summary.problems());
        problems.addAll(counts.problems);
        return new Report(Format.ONLINE_RETAIL, summary.rows() + 1, counts.events,
                summary.unreadable() + counts.rejected, problems.subList(0, Math.min(PROBLEMS_KEPT, problems.size())));
    }

    private static String abbreviate(String text) {
        return text == null ? "nothing" : text.length() > 80 ? text.substring(0, 80) + "..." : text;
    }

    private static final class Counts {
        long lines;
        long events;
        long rejected;
        final List<String> problems = new ArrayList<>();

        void reject(String problem) {
            rejected++;
            if (problems.size() < PROBLEMS_KEPT) {
                problems.add(problem);
            }
        }

        Report report(Format format) {
            return new Report(format, lines, events, rejected, problems);
        }
    }
}
