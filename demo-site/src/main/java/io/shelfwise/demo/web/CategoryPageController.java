package io.shelfwise.demo.web;

import org.broadleafcommerce.core.web.controller.catalog.BroadleafCategoryController;
import org.springframework.stereotype.Controller;

/**
 * Category pages, reached through Broadleaf's CategoryHandlerMapping (the category's URL, e.g.
 * {@code /kitchen-baking}); Broadleaf's database search lists, sorts and pages the products.
 */
@Controller("blCategoryController")
public class CategoryPageController extends BroadleafCategoryController {
}
