package io.shelfwise.storefront.broadleaf;

import org.broadleafcommerce.common.web.BroadleafRequestContext;
import org.broadleafcommerce.core.catalog.extension.CategoryEntityExtensionManager;
import org.broadleafcommerce.core.catalog.extension.ProductEntityExtensionManager;
import org.springframework.web.servlet.handler.HandlerInterceptorAdapter;

import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

/**
 * Puts Broadleaf's product and category extension managers into each storefront request's context, where
 * {@code ProductImpl.getCrossSaleProducts()} and friends look for them (see {@link LearnedRelatedProducts}).
 */
public class RelatedProductsInterceptor extends HandlerInterceptorAdapter {

    static final String PRODUCT_MANAGER = "blProductEntityExtensionManager";
    static final String CATEGORY_MANAGER = "blCategoryEntityExtensionManager";

    private final ProductEntityExtensionManager productManager;
    private final CategoryEntityExtensionManager categoryManager;

    public RelatedProductsInterceptor(ProductEntityExtensionManager productManager,
                                      CategoryEntityExtensionManager categoryManager) {
        this.productManager = productManager;
        this.categoryManager = categoryManager;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        BroadleafRequestContext context = BroadleafRequestContext.getBroadleafRequestContext();
        if (context != null) {
            if (context.getAdditionalProperties() == null) {
                context.setAdditionalProperties(new java.util.HashMap<String, Object>());
            }
            context.getAdditionalProperties().put(PRODUCT_MANAGER, productManager);
            context.getAdditionalProperties().put(CATEGORY_MANAGER, categoryManager);
        }
        return true;
    }
}
