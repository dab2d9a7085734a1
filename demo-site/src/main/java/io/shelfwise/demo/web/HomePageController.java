package io.shelfwise.demo.web;

import io.shelfwise.demo.seed.StoreSeeder;
import org.broadleafcommerce.core.catalog.domain.Category;
import org.broadleafcommerce.core.catalog.domain.Product;
import org.broadleafcommerce.core.catalog.service.CatalogService;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;

import javax.annotation.Resource;
import java.util.ArrayList;
import java.util.List;

/** The home page: the shop's categories and a selection of products from each. */
@Controller
public class HomePageController {

    private static final int PRODUCTS_PER_CATEGORY = 4;

    @Resource(name = "blCatalogService")
    private CatalogService catalogService;

    // getChildCategories is deprecated in Broadleaf 3.1 for its cross-references, but it is what keeps only the
    // active children, as the storefront shows them.
    @SuppressWarnings("deprecation")
    @RequestMapping(value = "/", method = RequestMethod.GET)
    public String home(Model model) {
        Category root = catalogService.findCategoryByURI(StoreSeeder.ROOT_CATEGORY_URL);
        List<Category> categories = root == null ? new ArrayList<Category>() : root.getChildCategories();
        List<Product> featured = new ArrayList<>();
        for (Category category : categories) {
            List<Product> products = catalogService.findActiveProductsByCategory(category, PRODUCTS_PER_CATEGORY, 0);
            featured.addAll(products);
        }
        model.addAttribute("categories", categories);
        model.addAttribute("featured", featured);
        return "catalog/home";
    }
}
