package io.shelfwise.recommend.algo;

import io.shelfwise.recommend.data.InteractionData;
import io.shelfwise.recommend.data.ItemContent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collections;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ContentTrainerTest {

    private static final InteractionData TWO_SHOPPERS = InteractionData.of(new int[][] {{0, 1}, {2, 3, 0}},
            Arrays.asList("u1", "u2"), Arrays.asList("lamp", "shade", "mug", "teapot"));

    private static ItemContent content() {
        return ItemContent.builder()
                .attributes("lamp", Arrays.asList("lighting", "brand-7"))
                .text("lamp", "Brass desk <b>lamp</b>")
                .attributes("shade", Collections.singletonList("lighting"))
                .text("shade", "Linen lamp shade")
                .attributes("mug", Collections.singletonList("kitchen"))
                .text("mug", "Enamel mug")
                .attributes("teapot", Collections.singletonList("kitchen"))
                .text("teapot", "Enamel teapot, two cups")
                .attributes("lantern", Arrays.asList("lighting", "brand-7"))
                .text("lantern", "Brass lantern")
                .build();
    }

    @Test
    void itemsSharingRareTokensAreNeighboursStrongestFirst() {
        NeighbourModel model = new ContentTrainer(content(), 10, 1.0, false).train(TWO_SHOPPERS);
        assertThat(model.itemIds()).containsExactly("lamp", "shade", "mug", "teapot");
        assertThat(neighbours(model, "mug")).containsExactly("teapot");
        assertThat(neighbours(model, "shade")).containsExactly("lamp");
        // content-only items stay out of a fixed catalogue
        assertThat(neighbours(model, "lamp")).containsExactly("shade");
        float[] weights = model.neighbourWeights(model.itemIds().indexOf("mug"));
        assertThat(weights[0]).isBetween(0f, 1.0001f);
    }

    @Test
    void newProductsWithContentJoinTheCatalogueAndHaveNeighbours() {
        NeighbourModel model = new ContentTrainer(content(), 10, 1.0, true).train(TWO_SHOPPERS);
        assertThat(model.itemIds()).containsExactly("lamp", "shade", "mug", "teapot", "lantern");
        // the lantern shares brass, lighting and the brand with the lamp: closer than the shade is
        assertThat(neighbours(model, "lantern").get(0)).isEqualTo("lamp");
        assertThat(neighbours(model, "lamp").get(0)).isEqualTo("lantern");
        // nobody touched it: its prior is zero, others' are positive
        assertThat(model.prior(4)).isZero();
        assertThat(model.prior(0)).isPositive();
    }

    @Test
    void tokensOnMostItemsSayNothing() {
        ItemContent everywhere = ItemContent.builder()
                .text("a", "gift red").text("b", "gift blue").text("c", "gift red").text("d", "gift green").build();
        InteractionData data = InteractionData.of(new int[][] {{0, 1, 2, 3}}, Collections.singletonList("u"),
                Arrays.asList("a", "b", "c", "d"));
        NeighbourModel model = new ContentTrainer(everywhere, 10, 0.5, false).train(data);
        // "gift" is on every item and skipped: only a and c (red) are related
        assertThat(neighbours(model, "a")).containsExactly("c");
        assertThat(neighbours(model, "b")).isEmpty();
    }

    @Test
    void itemsWithoutContentHaveNoNeighboursAndTheNeighbourLimitHolds() {
        ItemContent some = ItemContent.builder().text("a", "oak chair").text("b", "oak table").text("c", "oak shelf")
                .build();
        InteractionData data = InteractionData.of(new int[][] {{0, 1, 2, 3}}, Collections.singletonList("u"),
                Arrays.asList("a", "b", "c", "d"));
        NeighbourModel model = new ContentTrainer(some, 1, 1.0, false).train(data);
        assertThat(neighbours(model, "d")).isEmpty();
        assertThat(model.maxNeighbours()).isEqualTo(1);
    }

    @Test
    void settingsAreValidated() {
        assertThatThrownBy(() -> new ContentTrainer(content(), 0, 0.5, false))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("neighbours");
        assertThatThrownBy(() -> new ContentTrainer(content(), 5, 0, false))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxDocumentShare");
    }

    @Test
    void textIsReadAsWordsSoAccentedAndPlainSpellingsMeet() {
        ItemContent content = ItemContent.builder().text("x", "<p>Crème BRÛLÉE set</p> & a 日本").attributes("x",
                Arrays.asList(" Brand-9 ", "", null)).text("y", "creme brulee").build();
        assertThat(content.tokens().get("x")).containsExactly("creme", "brulee", "set", "日本", "attr:brand-9");
        assertThat(content.tokens().get("y")).containsExactly("creme", "brulee");
    }

    @Test
    void readsAttributesFilesAndRefusesWhatIsNotOne(@TempDir Path dir) throws IOException {
        Path good = dir.resolve("attributes.json");
        Files.write(good, "{\"1\": [3, 7], \"2\": [3], \"3\": \"not a list\"}".getBytes(StandardCharsets.UTF_8));
        ItemContent content = ItemContent.readAttributes(good);
        assertThat(content.tokens().get("1")).containsExactly("attr:3", "attr:7");
        assertThat(content.tokens()).doesNotContainKey("3");

        Path array = dir.resolve("array.json");
        Files.write(array, "[1, 2]".getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> ItemContent.readAttributes(array)).isInstanceOf(IOException.class)
                .hasMessageContaining("not a JSON object");
        Path broken = dir.resolve("broken.json");
        Files.write(broken, "{\"1\": [3,".getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> ItemContent.readAttributes(broken)).isInstanceOf(IOException.class);
    }

    private static java.util.List<String> neighbours(NeighbourModel model, String item) {
        java.util.List<String> out = new java.util.ArrayList<>();
        for (int j : model.neighbourIds(model.itemIds().indexOf(item))) {
            out.add(model.itemIds().get(j));
        }
        return out;
    }
}
