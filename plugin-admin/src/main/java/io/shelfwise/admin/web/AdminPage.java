package io.shelfwise.admin.web;

import io.shelfwise.recommend.Catalogue;
import io.shelfwise.recommend.CatalogueItem;
import org.broadleafcommerce.common.exception.ServiceException;
import org.broadleafcommerce.common.security.service.ExploitProtectionService;
import org.broadleafcommerce.openadmin.web.controller.AdminAbstractController;
import org.springframework.ui.Model;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import javax.annotation.Resource;

/**
 * A page of the Recommendations module inside Broadleaf's admin layout: the left navigation and breadcrumb of its
 * section, the CSRF token its forms post back, and the flash messages actions leave for the page they return to.
 */
abstract class AdminPage extends AdminAbstractController {

    @Resource(name = "blExploitProtectionService")
    protected ExploitProtectionService exploitProtection;

    /** Renders {@code views/shelfwise/<view>} as the section at {@code sectionUrl} (e.g. /shelfwise/models). */
    protected String render(Model model, String sectionUrl, String view) {
        // Broadleaf puts the slash back before it looks the section up by its URL
        setModelAttributes(model, sectionUrl.substring(1));
        model.addAttribute("viewType", "shelfwise/" + view);
        model.addAttribute("canManage", AdminPermissionInterceptor.has(AdminPermissionInterceptor.ALL));
        try {
            model.addAttribute("csrfToken", exploitProtection.getCSRFToken());
            model.addAttribute("csrfParameter", exploitProtection.getCsrfTokenParameter());
        } catch (ServiceException e) {
            throw new IllegalStateException("No CSRF token for the admin session", e);
        }
        return "modules/defaultContainer";
    }

    /** Runs an action; what it says, or why it was refused, is shown on the page it redirects to. */
    protected static String act(RedirectAttributes flash, String redirect, Action action) {
        try {
            flash.addFlashAttribute("shelfwiseSuccess", action.run());
        } catch (IllegalArgumentException | IllegalStateException e) {
            flash.addFlashAttribute("shelfwiseError", e.getMessage());
        } catch (RuntimeException e) {
            // the database or a model store refused: nothing was changed, and the admin should know why
            flash.addFlashAttribute("shelfwiseError", "Nothing was changed: " + e.getMessage());
        }
        return "redirect:" + redirect;
    }

    /** A product's name as the catalogue has it, or {@code null} when it has no such product or fails to say. */
    protected static String productName(Catalogue catalogue, String productId) {
        try {
            CatalogueItem item = catalogue.item(productId);
            return item == null ? null : item.name();
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** An admin action: does one thing and says what it did, or throws saying why not (nothing changed). */
    protected interface Action {
        String run();
    }
}
