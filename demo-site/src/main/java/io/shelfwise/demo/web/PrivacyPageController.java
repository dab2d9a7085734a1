package io.shelfwise.demo.web;

import io.shelfwise.events.ShopperKey;
import io.shelfwise.events.capture.EventCapture;
import io.shelfwise.events.capture.EventWriter;
import io.shelfwise.broadleaf.ShopperContext;
import org.broadleafcommerce.profile.web.core.CustomerState;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import javax.annotation.Resource;
import javax.servlet.http.HttpServletRequest;

/**
 * "Your data": what the shop records about browsing and buying, and a switch to stop it (the plugin's opt-out,
 * honoured at capture time). Works for signed-in customers and for anonymous browsers (by their visitor cookie).
 */
@Controller
@RequestMapping("/privacy")
public class PrivacyPageController {

    @Resource(name = "shelfwiseEventCapture")
    private EventCapture capture;

    @RequestMapping(method = RequestMethod.GET)
    public String page(HttpServletRequest request, Model model) {
        ShopperKey shopper = ShopperContext.shopper(CustomerState.getCustomer(request), request);
        model.addAttribute("trackable", shopper != null);
        model.addAttribute("optedOut", shopper != null && capture.store().optedOut().contains(shopper));
        return "account/privacy";
    }

    @RequestMapping(method = RequestMethod.POST)
    public String change(HttpServletRequest request, @RequestParam("record") String record, RedirectAttributes flash) {
        ShopperKey shopper = ShopperContext.shopper(CustomerState.getCustomer(request), request);
        EventWriter writer = capture.writer();
        if (shopper == null || writer == null) {
            flash.addFlashAttribute("privacyMessage", "Nothing is being recorded for this browser.");
        } else if ("no".equals(record)) {
            writer.optOut(shopper);
            flash.addFlashAttribute("privacyMessage", "Done: we no longer record what you browse and buy.");
        } else {
            writer.optIn(shopper);
            flash.addFlashAttribute("privacyMessage", "Done: your browsing helps us suggest products again.");
        }
        return "redirect:/privacy";
    }
}
