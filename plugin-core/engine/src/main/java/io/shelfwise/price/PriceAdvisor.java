package io.shelfwise.price;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import io.shelfwise.price.train.PriceModel;

import java.time.Duration;
import java.util.List;

/**
 * Answers "what should this product cost?" and "is this price right?": a suggested price with an interval, the
 * factors that drove it, and, for products sold at several prices, the units expected at the suggested price
 * against the current one. Suggestions are cached (Caffeine) per listing: a changed name, category or current
 * price is a new key. Thread-safe. Closing the advisor closes its model.
 *
 * <pre>{@code
 * PriceAdvisor advisor = PriceAdvisor.builder(PriceModel.load(file), "price@3").sales(history.sales()).build();
 * PriceSuggestion s = advisor.suggest(ProductListing.of("85123A", "WHITE HANGING HEART T-LIGHT HOLDER", null,
 *         new BigDecimal("2.55")));
 * }</pre>
 */
public interface PriceAdvisor extends AutoCloseable {

    /** The suggestion for a product; never {@code null}, the price is always at least 0.01. */
    PriceSuggestion suggest(ProductListing product);

    /** {@code strategy@version} of the model behind the suggestions. */
    String modelVersion();

    @Override
    void close();

    static Builder builder(PriceModel model, String modelVersion) {
        return new Builder(model, modelVersion);
    }

    /** Configures an advisor; validated when built. */
    final class Builder {
        private final PriceModel model;
        private final String modelVersion;
        private List<SaleLine> sales = java.util.Collections.emptyList();
        private long cacheSize = 10_000;
        private Duration cacheTtl = Duration.ofHours(1);
        private Ticker ticker = Ticker.systemTicker();

        private Builder(PriceModel model, String modelVersion) {
            this.model = model;
            this.modelVersion = modelVersion;
        }

        /** The sales the demand estimates come from (default none: no demand estimates). */
        public Builder sales(List<SaleLine> value) {
            this.sales = value;
            return this;
        }

        /** Suggestions kept (default 10,000; 0 turns caching off). */
        public Builder cacheSize(long value) {
            this.cacheSize = value;
            return this;
        }

        /** How long a suggestion is kept (default 1 hour). */
        public Builder cacheTtl(Duration value) {
            this.cacheTtl = value;
            return this;
        }

        /** The cache's clock (tests). */
        public Builder ticker(Ticker value) {
            this.ticker = value;
            return this;
        }

        public PriceAdvisor build() {
            if (model == null) {
                throw new IllegalArgumentException("A price advisor needs a model: load one with PriceModel.load");
            }
            if (modelVersion == null || modelVersion.trim().isEmpty()) {
                throw new IllegalArgumentException("A price advisor needs the model's version, e.g. price@3");
            }
            if (sales == null) {
                throw new IllegalArgumentException("sales must not be null (pass an empty list for none)");
            }
            if (cacheSize < 0) {
                throw new IllegalArgumentException("cacheSize must be 0 or more, was " + cacheSize);
            }
            if (cacheTtl == null || cacheTtl.isNegative() || cacheTtl.isZero()) {
                throw new IllegalArgumentException("cacheTtl must be a positive duration, was " + cacheTtl);
            }
            Cache<ProductListing, PriceSuggestion> cache = Caffeine.newBuilder().maximumSize(cacheSize)
                    .expireAfterWrite(cacheTtl).ticker(ticker).build();
            return new CachedPriceAdvisor(model, modelVersion, new DemandModel(sales), cache);
        }
    }
}
