package io.shelfwise.demo.web;

import org.broadleafcommerce.core.catalog.domain.Product;
import org.broadleafcommerce.core.catalog.domain.ProductImpl;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ProductListingTest {

    private static List<Product> products(int n) {
        List<Product> products = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            products.add(new ProductImpl());
        }
        return products;
    }

    private static ProductListing search(String query, String sort, String page, long total) {
        ListingRequest request = ListingRequest.of(query, sort, page);
        long shown = Math.max(0, Math.min(ProductListing.PAGE_SIZE, total - (request.page() - 1) * ProductListing.PAGE_SIZE));
        return ProductListing.of("/search", request, ProductSort.NAME_ASC, total, products((int) shown));
    }

    private static List<String> labels(List<ListingLink> links) {
        List<String> labels = new ArrayList<>();
        for (ListingLink link : links) {
            labels.add(link.isCurrent() ? "[" + link.getLabel() + "]" : link.getLabel());
        }
        return labels;
    }

    @Test
    void searchResultsArePagedWithPreviousNumberedAndNextLinksKeepingQueryAndSort() {
        ProductListing listing = search("heart holder", "price desc", "5", 2089);

        assertThat(listing.getPageCount()).isEqualTo(88);
        assertThat(listing.getFirstShown()).isEqualTo(97);
        assertThat(listing.getLastShown()).isEqualTo(120);
        assertThat(listing.isPaged()).isTrue();
        assertThat(listing.getPrevious().getUrl()).isEqualTo("/search?q=heart+holder&sort=price+desc&page=4");
        assertThat(listing.getNext().getUrl()).isEqualTo("/search?q=heart+holder&sort=price+desc&page=6");
        assertThat(labels(listing.getPageLinks())).containsExactly("1", "2", "3", "4", "[5]", "6", "7", "…", "88");
        assertThat(listing.getPageLinks().get(0).getUrl()).isEqualTo("/search?q=heart+holder&sort=price+desc");
        assertThat(listing.getPageLinks().get(7).isGap()).isTrue();
    }

    @Test
    void firstAndLastPagesHaveNoPreviousOrNext() {
        ProductListing first = search("a", null, null, 50);
        assertThat(first.getPrevious()).isNull();
        assertThat(first.getNext().getUrl()).isEqualTo("/search?q=a&page=2");
        ProductListing last = search("a", null, "3", 50);
        assertThat(last.getNext()).isNull();
        assertThat(last.getProducts()).hasSize(2);
        assertThat(last.getLastShown()).isEqualTo(50);
        assertThat(labels(last.getPageLinks())).containsExactly("1", "2", "[3]");
    }

    @Test
    void gapsNeverHideASinglePage() {
        assertThat(labels(search("a", null, "5", 24 * 20).getPageLinks()))
                .containsExactly("1", "2", "3", "4", "[5]", "6", "7", "…", "20");
        assertThat(labels(search("a", null, "10", 24 * 20).getPageLinks()))
                .containsExactly("1", "…", "8", "9", "[10]", "11", "12", "…", "20");
        assertThat(labels(search("a", null, "17", 24 * 20).getPageLinks()))
                .containsExactly("1", "…", "15", "16", "[17]", "18", "19", "20");
    }

    @Test
    void oneOrNoPageIsNotPaged() {
        ProductListing empty = search("zzz", null, null, 0);
        assertThat(empty.isPaged()).isFalse();
        assertThat(empty.getPageCount()).isEqualTo(1);
        assertThat(empty.getFirstShown()).isZero();
        assertThat(search("a", null, null, ProductListing.PAGE_SIZE).isPaged()).isFalse();
    }

    @Test
    void sortLinksGoBackToTheFirstPageAndMarkTheOrderShown() {
        ProductListing search = search("mug", "name asc", "2", 100);
        assertThat(labels(search.getSortLinks()))
                .containsExactly("[Name A–Z]", "Name Z–A", "Price: low to high", "Price: high to low");
        assertThat(search.getSortLinks().get(0).getUrl()).isEqualTo("/search?q=mug");
        assertThat(search.getSortLinks().get(3).getUrl()).isEqualTo("/search?q=mug&sort=price+desc");
        // the default order needs no sort parameter in page links
        assertThat(search.getNext().getUrl()).isEqualTo("/search?q=mug&page=3");

        ProductListing category = ProductListing.of("/candles-lighting", ListingRequest.of(null, null, null),
                ProductSort.FEATURED, 30, products(24));
        assertThat(labels(category.getSortLinks())).first().isEqualTo("[Featured]");
        assertThat(category.getSortLinks().get(1).getUrl()).isEqualTo("/candles-lighting?sort=name+asc");
        assertThat(category.getNext().getUrl()).isEqualTo("/candles-lighting?page=2");
    }

    @Test
    void searchResultCarriesTheTotalAndPageForBroadleafsTemplates() {
        ProductListing listing = search("a", null, "2", 30);
        assertThat(listing.searchResult().getTotalResults()).isEqualTo(30);
        assertThat(listing.searchResult().getPage()).isEqualTo(2);
        assertThat(listing.searchResult().getPageSize()).isEqualTo(ProductListing.PAGE_SIZE);
        assertThat(listing.searchResult().getProducts()).hasSize(6);
    }
}
