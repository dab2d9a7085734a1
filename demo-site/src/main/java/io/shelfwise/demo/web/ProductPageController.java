package io.shelfwise.demo.web;

import org.broadleafcommerce.core.web.controller.catalog.BroadleafProductController;
import org.springframework.stereotype.Controller;

/**
 * Product pages, reached through Broadleaf's ProductHandlerMapping (the product's URL, e.g.
 * {@code /kitchen-baking/jam-making-set-with-jars-22960}); renders {@code catalog/product}.
 */
@Controller("blProductController")
public class ProductPageController extends BroadleafProductController {
}
