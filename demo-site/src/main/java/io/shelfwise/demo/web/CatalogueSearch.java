package io.shelfwise.demo.web;

import org.broadleafcommerce.core.catalog.domain.Category;
import org.broadleafcommerce.core.catalog.domain.Product;

import javax.persistence.EntityManager;
import javax.persistence.TemporalType;
import javax.persistence.TypedQuery;
import java.time.Clock;
import java.util.Collections;
import java.util.Date;
import java.util.List;

/**
 * The storefront's product listings (search and category pages), paged in the database: a count, then one page of
 * {@link ProductListing#PAGE_SIZE} products. Broadleaf 3.1's database search service loads every match at once
 * and treats {@code %} and {@code _} in a search as wildcards, so {@code ?q=%} listed the whole catalogue on one
 * page; here every search word must occur, literally, in the product's name or long description.
 * <p>
 * Lists active products only, as Broadleaf does: not archived, within the default SKU's active dates. Needs the
 * request's entity manager (open entity manager in view) so the products' lazy fields can be read while the page
 * renders. Thread-safe.
 */
final class CatalogueSearch {

    /** The LIKE escape character: rare in searches, and no escape in HQL or SQL string literals. */
    static final char ESCAPE = '!';

    private final EntityManager entityManager;
    private final Clock clock;

    /**
     * @param entityManager Broadleaf's {@code blPU}, shared (bound to each request by the entity manager filter)
     * @param clock         what "now" is for the products' active dates
     */
    CatalogueSearch(EntityManager entityManager, Clock clock) {
        this.entityManager = entityManager;
        this.clock = clock;
    }

    /**
     * One page of the active products of {@code category} (or of the whole catalogue when {@code null}) that
     * contain every search word, in the requested order.
     *
     * @param path the listing's URL below the context path, for its page and sort links
     * @throws RefusedRequest (404) for a page past the last (an empty listing has one, empty, page)
     */
    ProductListing list(Category category, ListingRequest request, String path) {
        Date now = Date.from(clock.instant());
        long total = query(Long.class, "select count(p.id)", category, request.words(), "", now).getSingleResult();
        if (request.page() > ProductListing.pageCount(total)) {
            throw RefusedRequest.notFound("There is no page " + request.page() + " of these products.");
        }
        List<Product> products = total == 0 ? Collections.<Product>emptyList()
                : query(Product.class, "select p", category, request.words(), orderBy(category, request.sort()), now)
                        .setFirstResult((int) ((request.page() - 1) * ProductListing.PAGE_SIZE))
                        .setMaxResults(ProductListing.PAGE_SIZE)
                        .getResultList();
        return ProductListing.of(path, request, category == null ? ProductSort.NAME_ASC : ProductSort.FEATURED,
                total, products);
    }

    private <T> TypedQuery<T> query(Class<T> type, String select, Category category, List<String> words,
                                    String orderBy, Date now) {
        StringBuilder jpql = new StringBuilder(select);
        if (category == null) {
            jpql.append(" from ProductImpl p join p.defaultSku s where");
        } else {
            jpql.append(" from CategoryProductXrefImpl x join x.product p join p.defaultSku s"
                    + " where x.category.id = :category and");
        }
        jpql.append(" (p.archiveStatus.archived is null or p.archiveStatus.archived = 'N')"
                + " and s.activeStartDate < :now and (s.activeEndDate is null or s.activeEndDate > :now)");
        for (int i = 0; i < words.size(); i++) {
            jpql.append(" and (lower(s.name) like :word").append(i).append(" escape '").append(ESCAPE).append("'")
                    .append(" or lower(s.longDescription) like :word").append(i).append(" escape '").append(ESCAPE)
                    .append("')");
        }
        jpql.append(orderBy);
        TypedQuery<T> query = entityManager.createQuery(jpql.toString(), type);
        if (category != null) {
            query.setParameter("category", category.getId());
        }
        query.setParameter("now", now, TemporalType.TIMESTAMP);
        for (int i = 0; i < words.size(); i++) {
            query.setParameter("word" + i, containing(words.get(i)));
        }
        return query;
    }

    /** Ties are broken by id, so the pages of a listing never overlap or leave a product out. */
    private static String orderBy(Category category, ProductSort sort) {
        switch (sort) {
            case NAME_DESC:
                return " order by lower(s.name) desc, p.id";
            case PRICE_ASC:
                return " order by s.retailPrice, lower(s.name), p.id";
            case PRICE_DESC:
                return " order by s.retailPrice desc, lower(s.name), p.id";
            case FEATURED:
                return category == null ? " order by lower(s.name), p.id" : " order by x.displayOrder, p.id";
            case NAME_ASC:
            default:
                return " order by lower(s.name), p.id";
        }
    }

    /** A LIKE pattern matching values that contain {@code word} literally: its {@code %} and {@code _} escaped. */
    static String containing(String word) {
        StringBuilder pattern = new StringBuilder(word.length() + 8).append('%');
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            if (c == '%' || c == '_' || c == ESCAPE) {
                pattern.append(ESCAPE);
            }
            pattern.append(c);
        }
        return pattern.append('%').toString();
    }
}
