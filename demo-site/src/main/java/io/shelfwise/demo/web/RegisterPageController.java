package io.shelfwise.demo.web;

import org.broadleafcommerce.common.exception.ServiceException;
import org.broadleafcommerce.core.pricing.service.exception.PricingException;
import org.broadleafcommerce.core.web.controller.account.BroadleafRegisterController;
import org.broadleafcommerce.profile.web.core.form.RegisterCustomerForm;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;

import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

/**
 * Customer registration with the e-mail address as login, through Broadleaf's register controller and
 * validator; the new customer is signed in and keeps the basket they had as a guest.
 */
@Controller
@RequestMapping("/register")
public class RegisterPageController extends BroadleafRegisterController {

    public RegisterPageController() {
        setUseEmailForLogin(true);
    }

    @ModelAttribute("registrationForm")
    public RegisterCustomerForm registrationForm() {
        return super.initCustomerRegistrationForm();
    }

    @RequestMapping(method = RequestMethod.GET)
    public String register(@ModelAttribute("registrationForm") RegisterCustomerForm form,
                           HttpServletRequest request, HttpServletResponse response, Model model) {
        return super.register(form, request, response, model);
    }

    @RequestMapping(method = RequestMethod.POST)
    public String processRegister(@ModelAttribute("registrationForm") RegisterCustomerForm form, BindingResult errors,
                                  HttpServletRequest request, HttpServletResponse response, Model model)
            throws ServiceException, PricingException {
        String view = super.processRegister(form, errors, request, response, model);
        return view.startsWith("ajaxredirect:") ? "redirect:" + view.substring("ajaxredirect:".length()) : view;
    }
}
