package io.shelfwise.price.train;

import io.shelfwise.onnx.ModelLoadException;
import io.shelfwise.price.PriceFactor;
import io.shelfwise.price.PriceFixtures;
import io.shelfwise.price.PriceHistory;
import io.shelfwise.price.PriceHistoryFile;
import io.shelfwise.price.PricePrediction;
import io.shelfwise.price.PricedProduct;
import io.shelfwise.price.ProductListing;
import io.shelfwise.price.eval.PriceEvaluation;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tribuo.regression.sgd.linear.LinearSGDModel;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

public class PriceModelTest {

    public static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);

    @TempDir
    static Path dir;
    static PriceHistory history;
    static Path modelFile;

    @BeforeAll
    static void train() throws IOException {
        java.util.logging.Logger.getLogger("org.tribuo").setLevel(java.util.logging.Level.WARNING);
        history = PriceHistoryFile.read(PriceFixtures.catalogue(dir, "train.csv", 160, 1, 20000));
        PriceModelTrainer.Result result = new PriceModelTrainer(PriceFixtures.fastSettings(), CLOCK).train(history);
        modelFile = dir.resolve("price.onnx");
        Files.write(modelFile, result.onnx());
    }

    @Test
    void learnsPricesFromWordsAndServesThemThroughOnnx() throws Exception {
        try (PriceModel model = PriceModel.load(modelFile)) {
            PricePrediction clock = model.predict(ProductListing.of("X1", "LARGE GREEN CLOCK", null, null));
            PricePrediction candle = model.predict(ProductListing.of("X2", "SMALL GREEN CANDLE", null, null));
            assertThat(clock.price().doubleValue()).isBetween(8.0, 20.0);
            assertThat(candle.price().doubleValue()).isBetween(0.5, 1.8);
            assertThat(clock.lower()).isLessThan(clock.price());
            assertThat(clock.upper()).isGreaterThan(clock.price());
            assertThat(clock.level()).isEqualTo(0.8);
            assertThat(clock.factors()).isNotEmpty().hasSizeLessThanOrEqualTo(5);
            assertThat(clock.factors()).extracting(PriceFactor::label).anyMatch(l -> l.contains("clock"));
        }
    }

    @Test
    void onnxAnswersMatchTheTribuoModel() throws Exception {
        PriceModelTrainer trainer = new PriceModelTrainer(PriceFixtures.fastSettings(), CLOCK);
        List<PriceFeatures.Row> rows = new java.util.ArrayList<>();
        for (PricedProduct p : history.pricedProducts()) {
            rows.add(new PriceFeatures.Row(p.listing().id(), p.listing().text(), null, Math.log1p(p.typicalPrice())));
        }
        PriceFeatures features = PriceFeatures.fit(rows);
        LinearSGDModel tribuo = trainer.fitModel(features);
        Path file = dir.resolve("same.onnx");
        Files.write(file, trainer.train(history).onnx());
        try (PriceModel model = PriceModel.load(file)) {
            for (String text : Arrays.asList("LARGE RED MUG", "SMALL BLUE TIN", "PINK FRAME")) {
                ProductListing listing = ProductListing.of("Y", text, null, null);
                PriceFeatures.Vector v = features.features(listing);
                double linear = PriceModelTrainer.predict(tribuo, v);
                double graph = model.graphLogPrices(Collections.singletonList(listing))[0];
                // The graph is the Tribuo linear model plus the residual trees; the trees' part is what is left.
                assertThat(graph - linear).isCloseTo(model.savedLogPrice(listing) - linear,
                        org.assertj.core.data.Offset.offset(1e-5));
            }
        }
    }

    @Test
    void residualTreesInTheGraphAnswerAsInJava() throws Exception {
        Path file = dir.resolve("trees.onnx");
        Files.write(file, new PriceModelTrainer(PriceFixtures.fastSettings(), CLOCK).train(history).onnx());
        try (PriceModel model = PriceModel.load(file)) {
            assertThat(model.residualTrees()).isEqualTo(8);
            List<ProductListing> listings = new java.util.ArrayList<>();
            for (PricedProduct p : history.pricedProducts()) {
                listings.add(p.listing());
            }
            listings.add(ProductListing.of("Y", "LARGE RED MUG", null, null));
            listings.add(ProductListing.of("POST", "", null, null));
            double[] graph = model.graphLogPrices(listings);
            double spread = 0;
            for (int i = 0; i < listings.size(); i++) {
                assertThat(graph[i]).as(listings.get(i).id())
                        .isCloseTo(model.savedLogPrice(listings.get(i)), org.assertj.core.data.Offset.offset(1e-5));
                spread = Math.max(spread, Math.abs(graph[i] - graph[0]));
            }
            assertThat(spread).isGreaterThan(0.1);
        }
    }

    @Test
    void productsUnlikeAnythingSeenGetAPositiveGuessMarkedUnfamiliar() throws Exception {
        try (PriceModel model = PriceModel.load(modelFile)) {
            List<PricePrediction> out = model.predictAll(Arrays.asList(
                    ProductListing.of("QWERTY", "zzz qqq", null, null),
                    ProductListing.of("NODESC", null, null, null),
                    ProductListing.of("JP", "日本の急須", null, null),
                    ProductListing.of("99999999", "", null, null)));
            assertThat(out).allSatisfy(p -> {
                assertThat(p.price()).isGreaterThanOrEqualTo(new BigDecimal("0.01"));
                assertThat(p.lower()).isGreaterThanOrEqualTo(new BigDecimal("0.01"));
                assertThat(p.upper()).isGreaterThanOrEqualTo(p.price());
            });
            assertThat(out.get(0).unfamiliar()).isTrue();
            assertThat(out.get(3).unfamiliar()).isFalse();
        }
    }

    @Test
    void rareIndicatorsKeepTheirFullEffectAndTheirLabel(@TempDir Path own) throws Exception {
        // The fixture's catalogue, plus two fees with codes that are not product numbers and a few guest-only
        // listings under lower-case codes at twice their twin's price: both indicators are rare (about 1-4%).
        StringBuilder extra = new StringBuilder();
        extra.append("700001,POST,POSTAGE,1,40.00,,United Kingdom\n");
        extra.append("700002,CARRIAGE,CARRIAGE,1,60.00,,United Kingdom\n");
        for (int i = 0; i < 6; i++) {
            String twin = (20000 + 4 * i) + "a";
            extra.append(700100 + i).append(',').append(twin).append(",SMALL GREEN CANDLE,1,")
                    .append(String.format(java.util.Locale.ROOT, "%.2f", 2 * 1.25 * 0.8)).append(",,United Kingdom\n");
        }
        Path file = PriceFixtures.catalogue(own, "train.csv", 160, 1, 20000);
        Files.write(file, extra.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8),
                java.nio.file.StandardOpenOption.APPEND);
        PriceModelTrainer.Result result = new PriceModelTrainer(PriceFixtures.fastSettings(), CLOCK)
                .train(PriceHistoryFile.read(file));
        Path onnx = own.resolve("price.onnx");
        Files.write(onnx, result.onnx());
        try (PriceModel model = PriceModel.load(onnx)) {
            ProductListing dot = ProductListing.of("DOT", "DOTCOM POSTAGE", null, null);
            PriceFeatures.Vector fee = model.features().features(dot);
            int j = PriceFeatures.DENSE.indexOf("f:code_not_numeric");
            assertThat(fee.names[j]).isEqualTo("f:code_not_numeric");
            // 2 of ~160 products: one standard deviation is far below 1, so the standardised 1 is beyond the clip.
            assertThat(fee.values[j]).isGreaterThan(PriceFeatures.CLIP);
            PricePrediction upper = model.predict(ProductListing.of("20100C", "SMALL GREEN CANDLE", null, null));
            PricePrediction lower = model.predict(ProductListing.of("20100c", "SMALL GREEN CANDLE", null, null));
            assertThat(lower.price()).isGreaterThan(upper.price());
            assertThat(model.predict(dot).factors())
                    .extracting(PriceFactor::label).doesNotContain("numbered product code");
        }
    }

    @Test
    void corruptOrForeignFilesAreClearErrors() throws IOException {
        Path corrupt = dir.resolve("corrupt.onnx");
        byte[] bytes = Files.readAllBytes(modelFile);
        Files.write(corrupt, Arrays.copyOf(bytes, bytes.length / 3));
        assertThatThrownBy(() -> PriceModel.load(corrupt)).isInstanceOf(ModelLoadException.class)
                .hasMessageContaining("corrupt.onnx");
        Path empty = dir.resolve("empty.onnx");
        Files.write(empty, new byte[0]);
        assertThatThrownBy(() -> PriceModel.load(empty)).isInstanceOf(ModelLoadException.class)
                .hasMessageContaining("empty");
        Path foreign = dir.resolve("foreign.onnx");
        Files.write(foreign, ai.onnx.proto.OnnxMl.ModelProto.newBuilder().setIrVersion(8).build().toByteArray());
        assertThatThrownBy(() -> PriceModel.load(foreign)).isInstanceOf(ModelLoadException.class)
                .hasMessageContaining("not a Shelfwise price model");
    }

    @Test
    void aSwappedPriceModelFileWithExternalDataIsRefusedBeforeOnnxRuntimeReadsIt() throws IOException {
        ai.onnx.proto.OnnxMl.ModelProto.Builder model = ai.onnx.proto.OnnxMl.ModelProto.newBuilder()
                .mergeFrom(Files.readAllBytes(modelFile));
        ai.onnx.proto.OnnxMl.TensorProto.Builder first = model.getGraphBuilder().getInitializerBuilder(0);
        first.clearRawData().clearFloatData().setDataLocation(ai.onnx.proto.OnnxMl.TensorProto.DataLocation.EXTERNAL)
                .addExternalData(ai.onnx.proto.OnnxMl.StringStringEntryProto.newBuilder().setKey("location")
                        .setValue("/etc/hostname"));
        Path swapped = dir.resolve("swapped.onnx");
        Files.write(swapped, model.build().toByteArray());
        assertThatThrownBy(() -> PriceModel.load(swapped)).isInstanceOf(ModelLoadException.class)
                .hasMessageContaining("refused before loading").hasMessageContaining("External data")
                .hasMessageNotContaining("/etc/hostname");
    }

    @Test
    void conformalQuantileIsTheFiniteSampleRank() {
        double[] residuals = {0.5, 0.1, 0.4, 0.2, 0.3, 0.9, 0.8, 0.7, 0.6};
        // ceil((9 + 1) * 0.8) = 8th smallest
        assertThat(PriceModelTrainer.conformalQuantile(residuals, 0.8)).isEqualTo(0.8);
        assertThat(PriceModelTrainer.conformalQuantile(residuals, 0.95)).isEqualTo(0.9);
    }

    @Test
    void settingsSayWhatToFix() {
        assertThatThrownBy(() -> PriceModelTrainer.Settings.builder().intervalLevel(80).build())
                .hasMessageContaining("0.8 for an 80% interval");
        assertThatThrownBy(() -> PriceModelTrainer.Settings.builder().folds(1).build()).hasMessageContaining("folds");
        assertThatThrownBy(() -> PriceModelTrainer.Settings.builder().lambda(-1).build()).hasMessageContaining("lambda");
        assertThatThrownBy(() -> PriceModelTrainer.Settings.builder().trees(-1).build()).hasMessageContaining("trees");
        assertThatThrownBy(() -> PriceModelTrainer.Settings.builder().treeRate(0).build())
                .hasMessageContaining("treeRate");
    }

    @Test
    void tooFewPricedProductsIsAClearError() throws IOException {
        PriceHistory tiny = PriceHistoryFile.read(PriceFixtures.catalogue(dir, "tiny.csv", 3, 2, 30000));
        assertThatThrownBy(() -> new PriceModelTrainer(PriceFixtures.fastSettings(), CLOCK).train(tiny))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("have a valid price");
    }

    @Test
    void evaluationReportsTheAgreedKeysAndBeatsTheMedian() throws Exception {
        PriceHistory test = PriceHistoryFile.read(PriceFixtures.catalogue(dir, "test.csv", 40, 3, 40000));
        Map<String, Object> report = new PriceEvaluation(PriceFixtures.fastSettings(), CLOCK)
                .evaluate(history, test, dir);
        assertThat(report).containsKeys("products", "rmsle", "baselines", "intervalCoverage");
        assertThat(report.get("products")).isEqualTo(test.pricedProducts().size());
        @SuppressWarnings("unchecked")
        Map<String, Object> baselines = (Map<String, Object>) report.get("baselines");
        assertThat(baselines).containsKeys("global-median", "bow-ridge");
        assertThat((Double) report.get("rmsle")).isLessThan((Double) baselines.get("global-median") / 2);
        assertThat((Double) report.get("intervalCoverage")).isBetween(0.5, 1.0);
        @SuppressWarnings("unchecked")
        Map<String, Object> bowRidge = (Map<String, Object>) report.get("bowRidge");
        assertThat((Double) bowRidge.get("lambda")).isIn(0.1, 0.3, 1.0, 3.0, 10.0, 30.0);
        assertThat((Double) bowRidge.get("validationRmsle")).isPositive();
    }
}
