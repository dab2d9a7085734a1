package io.shelfwise.demo.web;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ListingRequestTest {

    @ParameterizedTest
    @ValueSource(strings = {"abc", "-1", "0", "000", "1.5", "2e3", "1 2", "١"})
    void pageThatIsNotANumberFromOneIsABadRequestNotServerError(String page) {
        assertThatThrownBy(() -> ListingRequest.of("a", null, page))
                .isInstanceOfSatisfying(RefusedRequest.class, e -> assertThat(e.status()).isEqualTo(400))
                .hasMessageContaining("whole number from 1");
    }

    @Test
    void pageNumberTooLargeForAnIntIsKeptNotAServerError() {
        assertThat(ListingRequest.of(null, null, "99999999999").page()).isEqualTo(99999999999L);
        assertThat(ListingRequest.of(null, null, "123456789012345678901234567890").page()).isEqualTo(Long.MAX_VALUE);
        assertThat(ListingRequest.of(null, null, "0007").page()).isEqualTo(7);
        assertThat(ListingRequest.of(null, null, null).page()).isEqualTo(1);
        assertThat(ListingRequest.of(null, null, " ").page()).isEqualTo(1);
    }

    @Test
    void unknownSortIsABadRequestNotServerError() {
        assertThatThrownBy(() -> ListingRequest.of("a", "name sideways", null))
                .isInstanceOfSatisfying(RefusedRequest.class, e -> assertThat(e.status()).isEqualTo(400))
                .hasMessageContaining(ProductSort.ACCEPTED);
    }

    @Test
    void sortByNameOrPriceIsUnderstoodNotServerError() {
        assertThat(ListingRequest.of("a", "name asc", null).sort()).isEqualTo(ProductSort.NAME_ASC);
        assertThat(ListingRequest.of(null, " Price   DESC ", null).sort()).isEqualTo(ProductSort.PRICE_DESC);
        assertThat(ListingRequest.of(null, "", null).sort()).isEqualTo(ProductSort.FEATURED);
    }

    @Test
    void queryIsBoundedInLengthAndWords() {
        StringBuilder longest = new StringBuilder();
        for (int i = 0; i < ListingRequest.MAX_QUERY_LENGTH; i++) {
            longest.append('a');
        }
        assertThat(ListingRequest.of(longest.toString(), null, null).words()).hasSize(1);
        assertThatThrownBy(() -> ListingRequest.of(longest + "a", null, null))
                .isInstanceOfSatisfying(RefusedRequest.class, e -> assertThat(e.status()).isEqualTo(400))
                .hasMessageContaining("at most " + ListingRequest.MAX_QUERY_LENGTH + " characters");
        assertThatThrownBy(() -> ListingRequest.of("a b c d e f g h i j k", null, null))
                .isInstanceOfSatisfying(RefusedRequest.class, e -> assertThat(e.status()).isEqualTo(400))
                .hasMessageContaining("at most " + ListingRequest.MAX_WORDS + " words");
    }

    @Test
    void queryIsSplitIntoDistinctLowerCaseWordsWithControlCharactersAsSpaces() {
        ListingRequest request = ListingRequest.of("  Heart\u0000HOLDER\t heart  ", null, null);
        assertThat(request.query()).isEqualTo("Heart HOLDER heart");
        assertThat(request.words()).containsExactly("heart", "holder");
        assertThat(ListingRequest.of(" \u0000 ", null, null).query()).isNull();
        assertThat(ListingRequest.of("%", null, null).words()).containsExactly("%");
    }
}
