package io.shelfwise.price.eval;

import io.shelfwise.onnx.ModelLoadException;
import io.shelfwise.price.PriceHistory;
import io.shelfwise.price.PricePrediction;
import io.shelfwise.price.PricedProduct;
import io.shelfwise.price.ProductListing;
import io.shelfwise.price.train.PriceModel;
import io.shelfwise.price.train.PriceModelTrainer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Measures the price model on products it has not seen: trains on one history (every column), then predicts each
 * test product's typical price (the median unit price of its valid rows) from its id and text alone, through the
 * exported ONNX model exactly as served. Scored with RMSLE against two baselines trained on the same products: the
 * median typical price, and a bag-of-words ridge regression. Test products without a valid row cannot be scored
 * and are counted apart.
 */
public final class PriceEvaluation {

    private final PriceModelTrainer.Settings settings;
    private final Clock clock;

    public PriceEvaluation(PriceModelTrainer.Settings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    /** The report: {@code products, rmsle, baselines, intervalCoverage} and details. */
    public Map<String, Object> evaluate(PriceHistory train, PriceHistory test, Path workDirectory)
            throws IOException, ModelLoadException {
        return evaluate(train, test, workDirectory, null);
    }

    /**
     * As {@link #evaluate(PriceHistory, PriceHistory, Path)}, also writing each test product's prediction to
     * {@code predictionsCsv} (when not {@code null}) for inspection.
     */
    public Map<String, Object> evaluate(PriceHistory train, PriceHistory test, Path workDirectory,
                                        Path predictionsCsv) throws IOException, ModelLoadException {
        PriceModelTrainer.Result result = new PriceModelTrainer(settings, clock).train(train);
        Path file = Files.createTempFile(workDirectory, "price-eval", ".onnx");
        List<PricedProduct> targets = test.pricedProducts();
        List<ProductListing> listings = new ArrayList<>();
        for (PricedProduct p : targets) {
            listings.add(ProductListing.of(p.listing().id(), p.listing().text(), null, null));
        }
        List<PricePrediction> predictions;
        try {
            Files.write(file, result.onnx());
            try (PriceModel model = PriceModel.load(file)) {
                predictions = model.predictAll(listings);
            }
        } finally {
            Files.deleteIfExists(file);
        }
        List<PricedProduct> trained = train.pricedProducts();
        double[] trainPrices = new double[trained.size()];
        List<String> texts = new ArrayList<>();
        double[] trainLogs = new double[trained.size()];
        for (int i = 0; i < trained.size(); i++) {
            trainPrices[i] = trained.get(i).typicalPrice();
            trainLogs[i] = Math.log1p(trainPrices[i]);
            texts.add(trained.get(i).listing().text());
        }
        double globalMedian = PriceHistory.median(trainPrices.clone());
        // The yardstick's lambda is chosen on validation folds of the training products, as the model's settings are.
        BagOfWordsRidge ridge = BagOfWordsRidge.tuned(texts, trainLogs, 5, settings.seed());
        double model = 0;
        double median = 0;
        double bow = 0;
        int covered = 0;
        int unfamiliar = 0;
        double widthRatio = 0;
        for (int i = 0; i < targets.size(); i++) {
            double actual = Math.log1p(targets.get(i).typicalPrice());
            PricePrediction p = predictions.get(i);
            model += square(Math.log1p(p.price().doubleValue()) - actual);
            median += square(Math.log1p(globalMedian) - actual);
            bow += square(Math.log1p(Math.max(0.01, Math.expm1(ridge.predict(listings.get(i).text())))) - actual);
            double truth = targets.get(i).typicalPrice();
            if (truth >= p.lower().doubleValue() && truth <= p.upper().doubleValue()) {
                covered++;
            }
            if (p.unfamiliar()) {
                unfamiliar++;
            }
            widthRatio += Math.log1p(p.upper().doubleValue()) - Math.log1p(p.lower().doubleValue());
        }
        int n = targets.size();
        if (predictionsCsv != null) {
            writePredictions(predictionsCsv, targets, predictions, ridge);
        }
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("products", n);
        report.put("rmsle", n == 0 ? null : Math.sqrt(model / n));
        Map<String, Object> baselines = new LinkedHashMap<>();
        baselines.put("global-median", n == 0 ? null : Math.sqrt(median / n));
        baselines.put("bow-ridge", n == 0 ? null : Math.sqrt(bow / n));
        report.put("baselines", baselines);
        report.put("intervalCoverage", n == 0 ? null : covered / (double) n);
        Map<String, Object> bowRidge = new LinkedHashMap<>();
        bowRidge.put("lambda", ridge.lambda());
        bowRidge.put("lambdasTried", BagOfWordsRidge.LAMBDAS);
        bowRidge.put("validationRmsle", ridge.validationRmsle());
        report.put("bowRidge", bowRidge);
        report.put("rmsleVsBowRidge", n == 0 || bow == 0 ? null : Math.sqrt(model / bow));
        report.put("intervalLevel", settings.intervalLevel());
        report.put("meanIntervalWidthLog1p", n == 0 ? null : widthRatio / n);
        report.put("unfamiliarProducts", unfamiliar);
        report.put("unscoredTestProducts", test.products().size() - n);
        report.put("trainProducts", trained.size());
        Map<String, Object> rejected = new LinkedHashMap<>();
        rejected.put("train", rejections(train));
        rejected.put("test", rejections(test));
        report.put("rejectedRows", rejected);
        report.put("training", result.metrics());
        report.put("settings", settings.asMap());
        return report;
    }

    private static void writePredictions(Path file, List<PricedProduct> targets, List<PricePrediction> predictions,
                                         BagOfWordsRidge ridge) throws IOException {
        try (org.apache.commons.csv.CSVPrinter csv = new org.apache.commons.csv.CSVPrinter(
                Files.newBufferedWriter(file, java.nio.charset.StandardCharsets.UTF_8),
                org.apache.commons.csv.CSVFormat.DEFAULT.builder().setHeader("StockCode", "Description", "actual",
                        "predicted", "lower", "upper", "bowRidge", "unfamiliar", "factors").build())) {
            for (int i = 0; i < targets.size(); i++) {
                PricedProduct t = targets.get(i);
                PricePrediction p = predictions.get(i);
                csv.printRecord(t.listing().id(), t.listing().text(), t.typicalPrice(), p.price(), p.lower(),
                        p.upper(), PriceModel.money(Math.expm1(ridge.predict(t.listing().text()))), p.unfamiliar(),
                        p.factors().toString());
            }
        }
    }

    private static Map<String, Object> rejections(PriceHistory h) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("total", h.rejectedTotal());
        for (Map.Entry<PriceHistory.Rejection, Integer> e : h.rejected().entrySet()) {
            m.put(e.getKey().name().toLowerCase(java.util.Locale.ROOT), e.getValue());
        }
        return m;
    }

    private static double square(double x) {
        return x * x;
    }
}
