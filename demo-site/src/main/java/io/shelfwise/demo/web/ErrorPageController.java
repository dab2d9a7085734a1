package io.shelfwise.demo.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.RequestMapping;

import javax.servlet.RequestDispatcher;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

/**
 * The page the servlet container forwards to for every error status (see StoreServer): a shop-styled page
 * with a plain message and the status code kept, never a stack trace.
 */
@Controller
public class ErrorPageController {

    @RequestMapping("/error")
    public String error(HttpServletRequest request, HttpServletResponse response, Model model) {
        Object status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        // Reached directly (no error being handled): there is no such page.
        int code = status instanceof Integer ? (Integer) status : HttpServletResponse.SC_NOT_FOUND;
        response.setStatus(code);
        model.addAttribute("status", code);
        model.addAttribute("title", title(code));
        model.addAttribute("message", message(code, (String) request.getAttribute(RequestDispatcher.ERROR_MESSAGE)));
        return "errors/error";
    }

    static String title(int code) {
        switch (code) {
            case 400:
                return "That request was not understood";
            case 403:
                return "Not allowed";
            case 404:
                return "Page not found";
            case 405:
                return "Not allowed here";
            default:
                return code >= 500 ? "Something went wrong" : "Request not completed";
        }
    }

    /** Container messages are shown for 4xx only, where they are ours; 5xx never shows internal details. */
    static String message(int code, String containerMessage) {
        if (code == 404) {
            return "We could not find that page. It may have moved, or the product is no longer sold.";
        }
        if (code >= 500 || containerMessage == null || containerMessage.trim().isEmpty()) {
            return code >= 500 ? "Our shop hit a problem. Please try again in a moment." : "Please go back and try again.";
        }
        return containerMessage;
    }
}
