package io.shelfwise.demo.web;

import org.broadleafcommerce.common.util.UrlUtil;
import org.broadleafcommerce.core.search.redirect.domain.SearchRedirect;
import org.broadleafcommerce.core.web.controller.catalog.BroadleafSearchController;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;

import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.HashSet;

/**
 * Search over product names and descriptions ({@code /search?q=...[&sort=...][&page=N]}), paged
 * {@value ProductListing#PAGE_SIZE} to a page by {@link CatalogueSearch}; Broadleaf's search redirects still apply.
 * A blank search goes back to the home page; malformed parameters get 400 and a page past the last 404, each
 * with a message (see {@link ListingRequest}).
 */
@Controller
public class SearchPageController extends BroadleafSearchController {

    private final CatalogueSearch catalogue;

    @Autowired
    public SearchPageController(CatalogueSearch catalogue) {
        this.catalogue = catalogue;
    }

    @RequestMapping(value = "/search", method = RequestMethod.GET)
    public String search(Model model, HttpServletRequest request, HttpServletResponse response) throws IOException {
        try {
            ListingRequest asked = ListingRequest.of(request);
            if (asked.query() == null) {
                return "redirect:/";
            }
            SearchRedirect redirect = searchRedirectService.findSearchRedirectBySearchTerm(asked.query());
            if (redirect != null) {
                response.sendRedirect(UrlUtil.fixRedirectUrl(request.getContextPath(), redirect.getUrl()));
                return null;
            }
            ProductListing listing = catalogue.list(null, asked, "/search");
            model.addAttribute(PRODUCTS_ATTRIBUTE_NAME, listing.getProducts());
            model.addAttribute(PRODUCT_SEARCH_RESULT_ATTRIBUTE_NAME, listing.searchResult());
            model.addAttribute(ALL_PRODUCTS_ATTRIBUTE_NAME, new HashSet<>(listing.getProducts()));
            model.addAttribute(ORIGINAL_QUERY_ATTRIBUTE_NAME, asked.query());
            model.addAttribute("listing", listing);
            return getSearchView();
        } catch (RefusedRequest refused) {
            refused.answer(response);
            return null;
        }
    }
}
