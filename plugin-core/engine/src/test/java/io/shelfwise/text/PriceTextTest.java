package io.shelfwise.text;

import io.shelfwise.price.PriceFixtures;
import io.shelfwise.price.PriceHistory;
import io.shelfwise.price.PriceHistoryFile;
import io.shelfwise.price.eval.ProductSplit;
import io.shelfwise.price.train.ProductCode;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class PriceTextTest {

    @Test
    void readsWordsBigramsAndPackSizes() {
        assertThat(PriceText.words("Crème Brûlée SET/3, \"Pack\" of 12")).containsExactly("creme", "brulee", "set",
                "3", "pack", "of", "12");
        assertThat(PriceText.words(null)).isEmpty();
        assertThat(PriceText.wordsAndBigrams(PriceText.words("tea light holder"))).containsExactly("tea", "light",
                "holder", "tea_light", "light_holder");
        assertThat(PriceText.largestCount(PriceText.words("SET OF 3 TINS 2010"))).isEqualTo(3);
    }

    @Test
    void productCodesSplitIntoStemAndVariant() {
        assertThat(ProductCode.of("85123A").numeric()).isTrue();
        assertThat(ProductCode.of("85123A").stem()).isEqualTo(85123);
        assertThat(ProductCode.of("85123a").stem()).isEqualTo(85123);
        assertThat(ProductCode.of("POST").numeric()).isFalse();
        assertThat(ProductCode.of("gift_0001_40").numeric()).isFalse();
        assertThat(ProductCode.of("15056BL").stem()).isEqualTo(15056);
        assertThat(ProductCode.of("DCGS0076").numeric()).isFalse();
        assertThat(ProductCode.of("85123a").lowerCaseSuffix()).isTrue();
        assertThat(ProductCode.of("85123A").lowerCaseSuffix()).isFalse();
        assertThat(ProductCode.of("85123").lowerCaseSuffix()).isFalse();
        assertThat(ProductCode.of("m").lowerCaseSuffix()).isFalse();
    }

    @Test
    void productSplitKeepsEveryRowOfAProductOnOneSide(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Path input = PriceFixtures.catalogue(dir, "all.csv", 200, 9, 50000);
        Path train = dir.resolve("train.csv");
        Path test = dir.resolve("test.csv");
        int[] rows = ProductSplit.split(input, 0.2, 3, train, test);
        PriceHistory a = PriceHistoryFile.read(train);
        PriceHistory b = PriceHistoryFile.read(test);
        assertThat(rows[0] + rows[1]).isEqualTo(PriceHistoryFile.read(input).sales().size());
        assertThat(a.products().keySet()).doesNotContainAnyElementsOf(b.products().keySet());
        assertThat(b.products().size()).isBetween(20, 70);
        assertThat(a.products().size() + b.products().size()).isEqualTo(200);
    }
}
