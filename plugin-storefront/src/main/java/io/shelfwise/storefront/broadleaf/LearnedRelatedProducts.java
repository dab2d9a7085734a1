package io.shelfwise.storefront.broadleaf;

import io.shelfwise.storefront.RecommendationWidgets;
import io.shelfwise.storefront.Widget;
import io.shelfwise.storefront.WidgetItem;
import org.broadleafcommerce.common.extension.ExtensionResultHolder;
import org.broadleafcommerce.common.extension.ExtensionResultStatusType;
import org.broadleafcommerce.core.catalog.domain.Category;
import org.broadleafcommerce.core.catalog.domain.CrossSaleProductImpl;
import org.broadleafcommerce.core.catalog.domain.FeaturedProduct;
import org.broadleafcommerce.core.catalog.domain.FeaturedProductImpl;
import org.broadleafcommerce.core.catalog.domain.Product;
import org.broadleafcommerce.core.catalog.domain.RelatedProduct;
import org.broadleafcommerce.core.catalog.domain.UpSaleProductImpl;
import org.broadleafcommerce.core.catalog.extension.CategoryEntityExtensionHandler;
import org.broadleafcommerce.core.catalog.extension.CategoryEntityExtensionManager;
import org.broadleafcommerce.core.catalog.extension.ProductEntityExtensionHandler;
import org.broadleafcommerce.core.catalog.extension.ProductEntityExtensionManager;
import org.broadleafcommerce.core.catalog.service.CatalogService;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import javax.servlet.http.HttpServletRequest;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Makes Broadleaf's own related products ({@code blc:related_products}, {@code product.crossSaleProducts},
 * {@code category.featuredProducts}) serve learned recommendations wherever the merchant has curated none:
 * cross-sale from {@code pdp-also-bought}, up-sale from {@code pdp-similar}, a category's featured products from
 * what is trending in it. Curated lists always win. Registered with Broadleaf's product and category extension
 * managers; Broadleaf consults them only when the request context carries them, which
 * {@link RelatedProductsInterceptor} arranges per storefront request. Outside a request it does nothing.
 */
@SuppressWarnings("rawtypes") // Broadleaf's extension handler interfaces declare a raw ExtensionResultHolder
public class LearnedRelatedProducts implements ProductEntityExtensionHandler, CategoryEntityExtensionHandler {

    static final int COUNT = 8;
    /** Set while reading the curated list through the entity's own getter (which asks this handler again). */
    private static final ThreadLocal<Boolean> READING_CURATED = new ThreadLocal<>();

    private final RecommendationWidgets widgets;
    private final CatalogService catalog;
    private final ProductEntityExtensionManager productManager;
    private final CategoryEntityExtensionManager categoryManager;

    public LearnedRelatedProducts(RecommendationWidgets widgets, CatalogService catalog,
                                  ProductEntityExtensionManager productManager,
                                  CategoryEntityExtensionManager categoryManager) {
        this.widgets = widgets;
        this.catalog = catalog;
        this.productManager = productManager;
        this.categoryManager = categoryManager;
    }

    /** Registers with Broadleaf's extension managers (the Spring init method). */
    public void register() {
        productManager.registerHandler(this);
        categoryManager.registerHandler(this);
    }

    @Override
    public ExtensionResultStatusType getCrossSaleProducts(Product product, ExtensionResultHolder holder) {
        return related(product, holder, "pdp-also-bought", true);
    }

    @Override
    public ExtensionResultStatusType getUpSaleProducts(Product product, ExtensionResultHolder holder) {
        return related(product, holder, "pdp-similar", false);
    }

    @SuppressWarnings("unchecked")
    private ExtensionResultStatusType related(Product product, ExtensionResultHolder holder, String placement,
                                              boolean crossSale) {
        HttpServletRequest request = currentRequest();
        if (request == null || product == null || product.getId() == null || Boolean.TRUE.equals(READING_CURATED.get())) {
            return ExtensionResultStatusType.NOT_HANDLED;
        }
        READING_CURATED.set(Boolean.TRUE);
        try {
            List<RelatedProduct> curated = crossSale ? product.getCrossSaleProducts() : product.getUpSaleProducts();
            if (curated != null && !curated.isEmpty()) {
                return ExtensionResultStatusType.NOT_HANDLED;
            }
        } finally {
            READING_CURATED.remove();
        }
        Widget widget = widgets.widgetOrEmpty(request, placement, COUNT, String.valueOf(product.getId()), null, null,
                null);
        List<RelatedProduct> learned = new ArrayList<>();
        for (WidgetItem item : widget.getItems()) {
            Product related = catalog.findProductById(Long.valueOf(item.getId()));
            if (related == null) {
                continue;
            }
            RelatedProduct link = crossSale ? new CrossSaleProductImpl() : new UpSaleProductImpl();
            link.setProduct(product);
            link.setRelatedProduct(related);
            link.setPromotionMessage(item.getReason());
            link.setSequence(BigDecimal.valueOf(item.getPosition()));
            learned.add(link);
        }
        if (learned.isEmpty()) {
            return ExtensionResultStatusType.NOT_HANDLED;
        }
        holder.setResult(learned);
        return ExtensionResultStatusType.HANDLED;
    }

    @Override
    @SuppressWarnings("unchecked")
    public ExtensionResultStatusType getFeaturedProducts(Category category, ExtensionResultHolder holder) {
        HttpServletRequest request = currentRequest();
        if (request == null || category == null || category.getId() == null
                || Boolean.TRUE.equals(READING_CURATED.get())) {
            return ExtensionResultStatusType.NOT_HANDLED;
        }
        READING_CURATED.set(Boolean.TRUE);
        try {
            List<FeaturedProduct> curated = category.getFeaturedProducts();
            if (curated != null && !curated.isEmpty()) {
                return ExtensionResultStatusType.NOT_HANDLED;
            }
        } finally {
            READING_CURATED.remove();
        }
        Widget widget = widgets.widgetOrEmpty(request, "home-trending", COUNT, null, String.valueOf(category.getId()),
                null, null);
        List<FeaturedProduct> learned = new ArrayList<>();
        for (WidgetItem item : widget.getItems()) {
            Product product = catalog.findProductById(Long.valueOf(item.getId()));
            if (product == null) {
                continue;
            }
            FeaturedProduct featured = new FeaturedProductImpl();
            featured.setCategory(category);
            featured.setProduct(product);
            featured.setPromotionMessage(item.getReason());
            featured.setSequence(BigDecimal.valueOf(item.getPosition()));
            learned.add(featured);
        }
        if (learned.isEmpty()) {
            return ExtensionResultStatusType.NOT_HANDLED;
        }
        holder.setResult(learned);
        return ExtensionResultStatusType.HANDLED;
    }

    private static HttpServletRequest currentRequest() {
        RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
        return attributes instanceof ServletRequestAttributes
                ? ((ServletRequestAttributes) attributes).getRequest() : null;
    }

    @Override
    public int getPriority() {
        return 0;
    }

    @Override
    public boolean isEnabled() {
        return true;
    }

    // Everything else Broadleaf asks these managers is not ours to answer.

    @Override
    public ExtensionResultStatusType getAllParentCategoryXrefs(Product product, ExtensionResultHolder holder) {
        return ExtensionResultStatusType.NOT_HANDLED;
    }

    @Override
    public ExtensionResultStatusType getAllParentCategories(Product product, ExtensionResultHolder holder) {
        return ExtensionResultStatusType.NOT_HANDLED;
    }

    @Override
    public ExtensionResultStatusType getProductOptionXrefs(Product product, ExtensionResultHolder holder) {
        return ExtensionResultStatusType.NOT_HANDLED;
    }

    @Override
    public ExtensionResultStatusType getProductOptions(Product product, ExtensionResultHolder holder) {
        return ExtensionResultStatusType.NOT_HANDLED;
    }

    @Override
    public ExtensionResultStatusType getChildCategoryXrefs(Category category, ExtensionResultHolder holder) {
        return ExtensionResultStatusType.NOT_HANDLED;
    }

    @Override
    public ExtensionResultStatusType getAllChildCategoryXrefs(Category category, ExtensionResultHolder holder) {
        return ExtensionResultStatusType.NOT_HANDLED;
    }

    @Override
    public ExtensionResultStatusType getAllChildCategories(Category category, ExtensionResultHolder holder) {
        return ExtensionResultStatusType.NOT_HANDLED;
    }

    @Override
    public ExtensionResultStatusType hasAllChildCategories(Category category, ExtensionResultHolder holder) {
        return ExtensionResultStatusType.NOT_HANDLED;
    }

    @Override
    public ExtensionResultStatusType getChildCategories(Category category, ExtensionResultHolder holder) {
        return ExtensionResultStatusType.NOT_HANDLED;
    }

    @Override
    public ExtensionResultStatusType hasChildCategories(Category category, ExtensionResultHolder holder) {
        return ExtensionResultStatusType.NOT_HANDLED;
    }

    @Override
    public ExtensionResultStatusType getChildCategoryIds(Category category, ExtensionResultHolder holder) {
        return ExtensionResultStatusType.NOT_HANDLED;
    }

    @Override
    public ExtensionResultStatusType getAllParentCategoryXrefs(Category category, ExtensionResultHolder holder) {
        return ExtensionResultStatusType.NOT_HANDLED;
    }

    @Override
    public ExtensionResultStatusType getAllParentCategories(Category category, ExtensionResultHolder holder) {
        return ExtensionResultStatusType.NOT_HANDLED;
    }

    @Override
    public ExtensionResultStatusType getActiveProductXrefs(Category category, ExtensionResultHolder holder) {
        return ExtensionResultStatusType.NOT_HANDLED;
    }

    @Override
    public ExtensionResultStatusType getAllProductXrefs(Category category, ExtensionResultHolder holder) {
        return ExtensionResultStatusType.NOT_HANDLED;
    }

    @Override
    public ExtensionResultStatusType getActiveProducts(Category category, ExtensionResultHolder holder) {
        return ExtensionResultStatusType.NOT_HANDLED;
    }

    @Override
    public ExtensionResultStatusType getAllProducts(Category category, ExtensionResultHolder holder) {
        return ExtensionResultStatusType.NOT_HANDLED;
    }

    @Override
    public ExtensionResultStatusType getCrossSaleProducts(Category category, ExtensionResultHolder holder) {
        return ExtensionResultStatusType.NOT_HANDLED;
    }

    @Override
    public ExtensionResultStatusType getUpSaleProducts(Category category, ExtensionResultHolder holder) {
        return ExtensionResultStatusType.NOT_HANDLED;
    }

    @Override
    public ExtensionResultStatusType getChildCategoryURLMap(Category category, ExtensionResultHolder holder) {
        return ExtensionResultStatusType.NOT_HANDLED;
    }
}
