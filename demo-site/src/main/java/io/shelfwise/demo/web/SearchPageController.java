package io.shelfwise.demo.web;

import org.broadleafcommerce.common.exception.ServiceException;
import org.broadleafcommerce.core.web.controller.catalog.BroadleafSearchController;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;

import javax.servlet.ServletException;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import java.io.IOException;

/** Search over product names and descriptions through Broadleaf's search service ({@code /search?q=...}). */
@Controller
public class SearchPageController extends BroadleafSearchController {

    static final int MAX_QUERY_LENGTH = 200;

    @RequestMapping(value = "/search", method = RequestMethod.GET)
    public String search(Model model, HttpServletRequest request, HttpServletResponse response,
                         @RequestParam(value = "q", required = false) String query)
            throws ServletException, IOException, ServiceException {
        if (query != null && query.length() > MAX_QUERY_LENGTH) {
            query = query.substring(0, MAX_QUERY_LENGTH);
        }
        return super.search(model, request, response, query);
    }
}
