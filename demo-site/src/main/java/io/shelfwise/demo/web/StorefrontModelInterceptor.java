package io.shelfwise.demo.web;

import io.shelfwise.ShelfwiseVersion;
import io.shelfwise.demo.seed.StoreSeeder;
import org.broadleafcommerce.common.web.BroadleafRequestContext;
import org.broadleafcommerce.core.catalog.domain.Category;
import org.broadleafcommerce.core.catalog.service.CatalogService;
import org.broadleafcommerce.core.order.domain.NullOrderImpl;
import org.broadleafcommerce.core.order.domain.Order;
import org.broadleafcommerce.core.web.order.CartState;
import org.broadleafcommerce.profile.core.domain.Customer;
import org.broadleafcommerce.profile.web.core.CustomerState;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.TransactionCallback;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.handler.HandlerInterceptorAdapter;
import org.springframework.web.servlet.view.RedirectView;

import javax.servlet.DispatcherType;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.List;

/**
 * Adds what every storefront page's frame shows: the category menu, the shopper (signed in or not), the number
 * of items in the basket and the plugin version. Runs for all handler mappings, Broadleaf's product and
 * category mappings included. Skips redirects.
 */
public class StorefrontModelInterceptor extends HandlerInterceptorAdapter {

    private final CatalogService catalogService;
    private final TransactionTemplate readOnly;
    private final ShelfwiseVersion version;

    public StorefrontModelInterceptor(CatalogService catalogService, PlatformTransactionManager transactions,
                                      ShelfwiseVersion version) {
        this.catalogService = catalogService;
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
        this.version = version;
    }

    /** The shop's top categories, read in a transaction so it works with or without an open entity manager. */
    @SuppressWarnings("deprecation") // getChildCategories: the active children, as on the home page
    private List<CategoryLink> menu() {
        return readOnly.execute(new TransactionCallback<List<CategoryLink>>() {
            @Override
            public List<CategoryLink> doInTransaction(TransactionStatus status) {
                Category root = catalogService.findCategoryByURI(StoreSeeder.ROOT_CATEGORY_URL);
                List<CategoryLink> links = new ArrayList<>();
                if (root != null) {
                    for (Category category : root.getChildCategories()) {
                        links.add(new CategoryLink(category.getName(), category.getUrl()));
                    }
                }
                return links;
            }
        });
    }

    @Override
    public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler,
                           ModelAndView model) {
        if (model == null || model.getView() instanceof RedirectView
                || (model.getViewName() != null && model.getViewName().startsWith("redirect:"))) {
            return;
        }
        model.addObject("menuCategories", menu());
        // Error pages (ERROR dispatch) run without Broadleaf's request context: no shopper, no basket.
        boolean inBroadleafRequest = request.getDispatcherType() == DispatcherType.REQUEST
                && BroadleafRequestContext.getBroadleafRequestContext() != null
                && BroadleafRequestContext.getBroadleafRequestContext().getWebRequest() != null;
        Customer customer = inBroadleafRequest ? CustomerState.getCustomer(request) : null;
        boolean signedIn = customer != null && customer.isRegistered() && !customer.isAnonymous();
        model.addObject("signedIn", signedIn);
        model.addObject("shopperName", signedIn ? customer.getFirstName() : null);
        Order cart = inBroadleafRequest ? CartState.getCart() : null;
        model.addObject("basketCount", cart == null || cart instanceof NullOrderImpl ? 0 : cart.getItemCount());
        model.addObject("shelfwiseVersion", version.version());
        model.addObject("requestPath", request.getRequestURI().substring(request.getContextPath().length()));
    }
}
