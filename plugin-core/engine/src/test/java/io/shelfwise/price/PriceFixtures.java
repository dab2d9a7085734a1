package io.shelfwise.price;

import io.shelfwise.price.train.PriceModelTrainer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Random;

/** Small online-retail files whose prices follow their words, for fast price-model tests. */
public final class PriceFixtures {

    public static final String HEADER = "InvoiceNo,StockCode,Description,Quantity,UnitPrice,CustomerID,Country\n";
    static final String[] NOUNS = {"MUG", "LANTERN", "CLOCK", "BAG", "CANDLE", "CUSHION", "FRAME", "TIN"};
    static final double[] NOUN_PRICES = {2.5, 5.0, 8.5, 1.7, 1.25, 4.0, 3.0, 2.2};
    static final String[] COLOURS = {"RED", "BLUE", "PINK", "GREEN", "WHITE"};

    private PriceFixtures() {
    }

    /** {@code products} products (codes 20000 + i with a variant letter), a few sales each at a small spread. */
    public static Path catalogue(Path dir, String name, int products, long seed, int firstCode) throws IOException {
        Random random = new Random(seed);
        StringBuilder csv = new StringBuilder(HEADER);
        int invoice = 500000;
        for (int i = 0; i < products; i++) {
            int noun = random.nextInt(NOUNS.length);
            boolean large = random.nextBoolean();
            // Pairs of variants (20000A, 20000B) and single products.
            String code = i % 4 < 2 ? (firstCode + i - i % 2) + String.valueOf((char) ('A' + i % 2))
                    : String.valueOf(firstCode + i);
            String text = (large ? "LARGE " : "SMALL ") + COLOURS[random.nextInt(COLOURS.length)] + " " + NOUNS[noun];
            double price = NOUN_PRICES[noun] * (large ? 1.6 : 0.8);
            int sales = 1 + random.nextInt(4);
            for (int s = 0; s < sales; s++) {
                double paid = price * (0.9 + 0.2 * random.nextDouble());
                csv.append(invoice++).append(',').append(code).append(',').append(text).append(',')
                        .append(1 + random.nextInt(12)).append(',')
                        .append(String.format(Locale.ROOT, "%.2f", paid)).append(",17850,United Kingdom\n");
            }
        }
        Path file = dir.resolve(name);
        Files.write(file, csv.toString().getBytes(StandardCharsets.UTF_8));
        return file;
    }

    public static PriceModelTrainer.Settings fastSettings() {
        return PriceModelTrainer.Settings.builder().epochs(20).folds(3).seed(7).trees(8).treeRate(0.3).build();
    }
}
