package io.shelfwise.demo.seed;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ProductCategoriesTest {

    private final ProductCategories categories = ProductCategories.standard();

    @Test
    void seasonalGoodsWinOverWhatTheyAre() {
        assertThat(categories.categoryOf("CHRISTMAS CANDLE HOLDER")).isEqualTo("Christmas");
    }

    @Test
    void useWinsOverLooks() {
        assertThat(categories.categoryOf("WHITE HANGING HEART T-LIGHT HOLDER")).isEqualTo("Candles & Lighting");
        assertThat(categories.categoryOf("60 CAKE CASES VINTAGE CHRISTMAS")).isEqualTo("Christmas");
        assertThat(categories.categoryOf("PACK OF 72 RETROSPOT CAKE CASES")).isEqualTo("Kitchen & Baking");
        assertThat(categories.categoryOf("JUMBO BAG RED RETROSPOT")).isEqualTo("Bags & Storage");
        assertThat(categories.categoryOf("KNITTED UNION FLAG HOT WATER BOTTLE")).isEqualTo("Home Comforts");
    }

    @Test
    void aPassportCoverIsAnAccessoryAndACushionCoverHomeComfort() {
        assertThat(categories.categoryOf("BLUE POLKADOT PASSPORT COVER")).isEqualTo("Jewellery & Accessories");
        assertThat(categories.categoryOf("FRENCH PAISLEY CUSHION COVER")).isEqualTo("Home Comforts");
    }

    @Test
    void phrasesMatchAcrossWords() {
        assertThat(categories.categoryOf("PAPER CHAIN KIT 50'S")).isEqualTo("Party & Celebration");
    }

    @Test
    void punctuationAndCaseDoNotMatter() {
        assertThat(categories.categoryOf("red woolly hottie white heart.")).isEqualTo("Home Comforts");
    }

    @Test
    void unmatchedEmptyAndMissingDescriptionsGoToTheCatchAll() {
        assertThat(categories.categoryOf("ZZZ QQQ")).isEqualTo(ProductCategories.FALLBACK);
        assertThat(categories.categoryOf("")).isEqualTo(ProductCategories.FALLBACK);
        assertThat(categories.categoryOf(null)).isEqualTo(ProductCategories.FALLBACK);
    }

    @Test
    void catchAllIsListedLast() {
        assertThat(categories.names()).endsWith(ProductCategories.FALLBACK).startsWith("Christmas");
    }
}
