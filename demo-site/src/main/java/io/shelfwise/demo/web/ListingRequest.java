package io.shelfwise.demo.web;

import javax.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a search or category page was asked for: the search words ({@code q}), the order ({@code sort}) and the page
 * ({@code page}, from 1). Immutable. Other parameters (Broadleaf's {@code pageSize}, facets, tracking tags) are
 * ignored: pages always hold {@link ProductListing#PAGE_SIZE} products.
 * <p>
 * Malformed values are refused with 400 and a message saying what is accepted: a page that is not a whole number
 * from 1, an unknown sort, a query longer than {@value #MAX_QUERY_LENGTH} characters or of more than
 * {@value #MAX_WORDS} words. A well-formed page number past the last page is the listing's to judge (404).
 */
final class ListingRequest {

    static final int MAX_QUERY_LENGTH = 100;
    static final int MAX_WORDS = 10;

    private static final Pattern DIGITS = Pattern.compile("[0-9]+");
    private static final Pattern SPACES = Pattern.compile("\\s+");

    private final String query;
    private final List<String> words;
    private final ProductSort sort;
    private final long page;

    private ListingRequest(String query, List<String> words, ProductSort sort, long page) {
        this.query = query;
        this.words = words;
        this.sort = sort;
        this.page = page;
    }

    static ListingRequest of(HttpServletRequest request) {
        return of(request.getParameter("q"), request.getParameter("sort"), request.getParameter("page"));
    }

    /**
     * @param query a search, or {@code null}/blank for none
     * @param sort  a {@link ProductSort} parameter, or {@code null}/blank for the default order
     * @param page  a page number from 1, or {@code null}/blank for the first page
     * @throws RefusedRequest (400) for a malformed value
     */
    static ListingRequest of(String query, String sort, String page) {
        String normal = normalQuery(query);
        if (normal.length() > MAX_QUERY_LENGTH) {
            throw RefusedRequest.badRequest("Search for at most " + MAX_QUERY_LENGTH + " characters.");
        }
        List<String> words = words(normal);
        if (words.size() > MAX_WORDS) {
            throw RefusedRequest.badRequest("Search with at most " + MAX_WORDS + " words.");
        }
        return new ListingRequest(normal.isEmpty() ? null : normal, words, ProductSort.of(sort), pageNumber(page));
    }

    /** Control characters count as spaces; runs of spaces as one. */
    private static String normalQuery(String query) {
        if (query == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(query.length());
        for (int i = 0; i < query.length(); i++) {
            char c = query.charAt(i);
            out.append(Character.isISOControl(c) ? ' ' : c);
        }
        return SPACES.matcher(out).replaceAll(" ").trim();
    }

    private static List<String> words(String query) {
        if (query.isEmpty()) {
            return Collections.emptyList();
        }
        Set<String> distinct = new LinkedHashSet<>();
        for (String word : query.split(" ")) {
            distinct.add(word.toLowerCase(Locale.ROOT));
        }
        return Collections.unmodifiableList(new ArrayList<>(distinct));
    }

    /** Numbers too long for a long are past any last page: kept as {@link Long#MAX_VALUE}. */
    private static long pageNumber(String page) {
        if (page == null || page.trim().isEmpty()) {
            return 1;
        }
        String text = page.trim();
        if (DIGITS.matcher(text).matches()) {
            String significant = text.replaceFirst("^0+", "");
            if (significant.length() > 18) {
                return Long.MAX_VALUE;
            }
            if (!significant.isEmpty()) {
                return Long.parseLong(significant);
            }
        }
        throw RefusedRequest.badRequest("A page number is a whole number from 1 up.");
    }

    /** The search as the shopper typed it (spaces tidied), or {@code null} for none. */
    String query() {
        return query;
    }

    /** The distinct lower-case words each product must contain (in its name or description); empty for none. */
    List<String> words() {
        return words;
    }

    ProductSort sort() {
        return sort;
    }

    /** The page asked for, from 1; may be far past the last page. */
    long page() {
        return page;
    }
}
