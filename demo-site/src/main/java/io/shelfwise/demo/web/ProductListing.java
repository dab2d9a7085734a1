package io.shelfwise.demo.web;

import org.broadleafcommerce.core.catalog.domain.Product;
import org.broadleafcommerce.core.search.domain.ProductSearchResult;

import java.io.UnsupportedEncodingException;
import java.net.URLEncoder;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One page of a search's or a category's products, with what the templates need to show where it is: the total,
 * the range shown, previous / numbered / next page links and the sort links, each keeping the search words and
 * the order. Immutable (the products are Broadleaf entities, read while the page renders).
 */
public final class ProductListing {

    /** Products per page. */
    public static final int PAGE_SIZE = 24;
    /** Numbered links shown on each side of the current page (the first and last pages are always linked). */
    static final int NEIGHBOURS = 2;

    private final String path;
    private final ListingRequest request;
    private final ProductSort defaultSort;
    private final ProductSort shownSort;
    private final long total;
    private final List<Product> products;

    private ProductListing(String path, ListingRequest request, ProductSort defaultSort, long total,
                           List<Product> products) {
        this.path = path;
        this.request = request;
        this.defaultSort = defaultSort;
        this.shownSort = request.sort() == ProductSort.FEATURED ? defaultSort : request.sort();
        this.total = total;
        this.products = Collections.unmodifiableList(new ArrayList<>(products));
    }

    /**
     * @param path        the page's URL below the context path ({@code /search}, a category's URL)
     * @param defaultSort the order shown without a {@code sort} parameter: {@link ProductSort#FEATURED} for a
     *                    category, {@link ProductSort#NAME_ASC} for a search (which has no order of its own)
     * @param total       how many products match in all
     * @param products    the products of the requested page, at most {@link #PAGE_SIZE}
     */
    static ProductListing of(String path, ListingRequest request, ProductSort defaultSort, long total,
                             List<Product> products) {
        return new ProductListing(path, request, defaultSort, total, products);
    }

    /** Pages needed for {@code total} products; an empty listing has one (empty) page. */
    static long pageCount(long total) {
        return Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE);
    }

    public List<Product> getProducts() {
        return products;
    }

    public long getTotal() {
        return total;
    }

    public long getPage() {
        return request.page();
    }

    public long getPageCount() {
        return pageCount(total);
    }

    /** Position of the first product shown, from 1 (0 when there is none). */
    public long getFirstShown() {
        return products.isEmpty() ? 0 : (request.page() - 1) * PAGE_SIZE + 1;
    }

    public long getLastShown() {
        return products.isEmpty() ? 0 : getFirstShown() + products.size() - 1;
    }

    /** The search words the listing is narrowed to, or {@code null}. */
    public String getQuery() {
        return request.query();
    }

    public boolean isPaged() {
        return getPageCount() > 1;
    }

    /** The previous page's link, or {@code null} on the first page. */
    public ListingLink getPrevious() {
        return request.page() > 1 ? ListingLink.to("Previous", url(shownSort, request.page() - 1), false) : null;
    }

    /** The next page's link, or {@code null} on the last page. */
    public ListingLink getNext() {
        return request.page() < getPageCount() ? ListingLink.to("Next", url(shownSort, request.page() + 1), false) : null;
    }

    /** Numbered links: the first and last pages and the current page's neighbours, gaps between them. */
    public List<ListingLink> getPageLinks() {
        long count = getPageCount();
        long current = request.page();
        List<ListingLink> links = new ArrayList<>();
        long previous = 0;
        for (long n = 1; n <= count; n++) {
            // a gap never hides a single page: that page is linked instead
            boolean shown = n == 1 || n == count || Math.abs(n - current) <= NEIGHBOURS
                    || (n == 2 && current - NEIGHBOURS == 3) || (n == count - 1 && current + NEIGHBOURS == count - 2);
            if (!shown) {
                // jump over the hidden run at once: a listing may have many pages
                n = n < current ? current - NEIGHBOURS - 1 : count - 1;
                continue;
            }
            if (n > previous + 1) {
                links.add(ListingLink.gap());
            }
            links.add(ListingLink.to(Long.toString(n), url(shownSort, n), n == current));
            previous = n;
        }
        return links;
    }

    /** A link per order the shopper can choose, each back on the first page. */
    public List<ListingLink> getSortLinks() {
        List<ListingLink> links = new ArrayList<>();
        for (ProductSort sort : ProductSort.values()) {
            if (sort == ProductSort.FEATURED && defaultSort != ProductSort.FEATURED) {
                continue;
            }
            links.add(ListingLink.to(sort.label(), url(sort, 1), sort == shownSort));
        }
        return links;
    }

    /** The listing as Broadleaf's controllers hand it to templates ({@code result}: products, total, page, size). */
    ProductSearchResult searchResult() {
        ProductSearchResult result = new ProductSearchResult();
        result.setProducts(products);
        result.setTotalResults((int) Math.min(total, Integer.MAX_VALUE));
        result.setPage((int) Math.min(request.page(), Integer.MAX_VALUE));
        result.setPageSize(PAGE_SIZE);
        return result;
    }

    private String url(ProductSort sort, long page) {
        StringBuilder url = new StringBuilder(path);
        if (request.query() != null) {
            parameter(url, "q", request.query());
        }
        if (sort != defaultSort && sort.parameter() != null) {
            parameter(url, "sort", sort.parameter());
        }
        if (page > 1) {
            parameter(url, "page", Long.toString(page));
        }
        return url.toString();
    }

    private static void parameter(StringBuilder url, String name, String value) {
        url.append(url.indexOf("?") < 0 ? '?' : '&').append(name).append('=');
        try {
            url.append(URLEncoder.encode(value, "UTF-8"));
        } catch (UnsupportedEncodingException e) {
            throw new IllegalStateException("UTF-8 is always supported", e);
        }
    }
}
