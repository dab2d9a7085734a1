package io.shelfwise.price;

import com.github.benmanes.caffeine.cache.Cache;
import io.shelfwise.price.train.PriceModel;

/** The {@link PriceAdvisor}: one price model, a demand model and a Caffeine cache of suggestions. */
final class CachedPriceAdvisor implements PriceAdvisor {

    private final PriceModel model;
    private final String modelVersion;
    private final DemandModel demand;
    private final Cache<ProductListing, PriceSuggestion> cache;

    CachedPriceAdvisor(PriceModel model, String modelVersion, DemandModel demand,
                       Cache<ProductListing, PriceSuggestion> cache) {
        this.model = model;
        this.modelVersion = modelVersion;
        this.demand = demand;
        this.cache = cache;
    }

    @Override
    public PriceSuggestion suggest(ProductListing product) {
        if (product == null) {
            throw new IllegalArgumentException("No product to price");
        }
        return cache.get(product, this::compute);
    }

    private PriceSuggestion compute(ProductListing product) {
        PricePrediction prediction = model.predict(product);
        Double current = product.currentPrice() == null ? null : product.currentPrice().doubleValue();
        DemandEstimate estimate = demand.estimate(product.id(), current, prediction.price().doubleValue());
        return new PriceSuggestion(product, prediction, estimate, modelVersion);
    }

    @Override
    public String modelVersion() {
        return modelVersion;
    }

    @Override
    public void close() {
        cache.invalidateAll();
        model.close();
    }
}
