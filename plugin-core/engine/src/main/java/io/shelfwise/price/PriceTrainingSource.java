package io.shelfwise.price;


import java.io.IOException;
import java.nio.file.Path;

/**
 * Where the price model learns from: the store (catalogue plus order history from the event store) or a file in the
 * online-retail format (evaluation, or a store seeding its first model).
 */
public interface PriceTrainingSource {

    /** Reads the products and their valid sales; rows left out are counted in the history. */
    PriceHistory load() throws IOException;

    /** Description for provenance and the admin, e.g. "file transactions.csv" or "store events". */
    String describe();

    /** An online-retail CSV file. */
    static PriceTrainingSource file(Path path) {
        return new PriceTrainingSource() {
            @Override
            public PriceHistory load() throws IOException {
                return PriceHistoryFile.read(path);
            }

            @Override
            public String describe() {
                return "file " + path.getFileName();
            }
        };
    }
}
