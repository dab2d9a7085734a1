package io.shelfwise.recommend.serve;

import io.shelfwise.recommend.Catalogue;
import io.shelfwise.recommend.CatalogueItem;

/**
 * The sentence each recommended item is shown with, in one place: which strategy proposed it, because of which
 * item the shopper viewed or bought, or as popular or trending in a category. Names come from the catalogue (an id
 * when it cannot say).
 */
final class Explanations {

    private final Catalogue catalogue;

    Explanations(Catalogue catalogue) {
        this.catalogue = catalogue;
    }

    /** Why {@code item}, proposed as {@code candidate}, is shown: the sentence under it in a widget. */
    String reason(Candidate candidate, RequestContext context, CatalogueItem item) {
        if (candidate.wholeHistory) {
            return "Picked from what you viewed recently";
        }
        String strategy = candidate.strategy;
        String sourceId = candidate.sourceId;
        if (sourceId != null) {
            String name = nameOf(sourceId);
            switch (candidate.input) {
                case SHOPPER_HISTORY:
                case SESSION:
                    return (context.state.purchased(sourceId) ? "Because you bought " : "Because you viewed ") + name;
                default:
                    switch (strategy) {
                        case "bought-together":
                            return "Often bought together with " + name;
                        case "also-bought":
                            return "Customers who bought " + name + " also bought this";
                        case "also-viewed":
                            return "Shoppers who viewed " + name + " also viewed this";
                        case "content":
                            return "Similar to " + name;
                        default:
                            return "Goes with " + name;
                    }
            }
        }
        String category = context.request.category() != null ? context.request.category()
                : context.placement.category() != null ? context.placement.category() : item.primaryCategory();
        String where = category == null ? "" : " in " + categoryName(category);
        return (strategy.equals("trending") ? "Trending" + (where.isEmpty() ? " now" : where)
                : "Popular" + where);
    }

    private String nameOf(String id) {
        try {
            CatalogueItem item = catalogue.item(id);
            return item == null ? id : item.name();
        } catch (RuntimeException e) {
            return id;
        }
    }

    private String categoryName(String categoryId) {
        try {
            return catalogue.categoryName(categoryId);
        } catch (RuntimeException e) {
            return categoryId;
        }
    }
}
