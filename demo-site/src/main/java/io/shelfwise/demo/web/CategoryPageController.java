package io.shelfwise.demo.web;

import org.broadleafcommerce.common.extension.ExtensionResultHolder;
import org.broadleafcommerce.core.catalog.domain.Category;
import org.broadleafcommerce.core.web.catalog.CategoryHandlerMapping;
import org.broadleafcommerce.core.web.controller.catalog.BroadleafCategoryController;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Controller;
import org.springframework.web.servlet.ModelAndView;

import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import java.util.HashSet;

/**
 * Category pages, reached through Broadleaf's CategoryHandlerMapping (the category's URL, e.g.
 * {@code /kitchen-baking[?q=...][&sort=...][&page=N]}): the category's products in its own order or the one asked
 * for, narrowed to the search words if any, paged {@value ProductListing#PAGE_SIZE} to a page by
 * {@link CatalogueSearch} (Broadleaf's database search would load them all, and fails on sorts, page numbers and
 * searches it cannot read). Malformed parameters get 400 and a page past the last 404, each with a message.
 */
@Controller("blCategoryController")
public class CategoryPageController extends BroadleafCategoryController {

    private final CatalogueSearch catalogue;

    @Autowired
    public CategoryPageController(CatalogueSearch catalogue) {
        this.catalogue = catalogue;
    }

    @Override
    public ModelAndView handleRequest(HttpServletRequest request, HttpServletResponse response) throws Exception {
        Category category = (Category) request.getAttribute(CategoryHandlerMapping.CURRENT_CATEGORY_ATTRIBUTE_NAME);
        ProductListing listing;
        try {
            listing = catalogue.list(category, ListingRequest.of(request),
                    request.getRequestURI().substring(request.getContextPath().length()));
        } catch (RefusedRequest refused) {
            refused.answer(response);
            return null;
        }
        ModelAndView model = new ModelAndView();
        model.addObject(CATEGORY_ATTRIBUTE_NAME, category);
        model.addObject(PRODUCTS_ATTRIBUTE_NAME, listing.getProducts());
        model.addObject(PRODUCT_SEARCH_RESULT_ATTRIBUTE_NAME, listing.searchResult());
        model.addObject(ALL_PRODUCTS_ATTRIBUTE_NAME, new HashSet<>(listing.getProducts()));
        model.addObject("listing", listing);
        addDeepLink(model, deepLinkService, category);

        ExtensionResultHolder<String> override = new ExtensionResultHolder<String>();
        templateOverrideManager.getProxy().getOverrideTemplate(override, category);
        if (override.getResult() != null && !override.getResult().trim().isEmpty()) {
            model.setViewName(override.getResult());
        } else if (category.getDisplayTemplate() != null && !category.getDisplayTemplate().isEmpty()) {
            model.setViewName(category.getDisplayTemplate());
        } else {
            model.setViewName(getDefaultCategoryView());
        }
        return model;
    }
}
