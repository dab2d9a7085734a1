package io.shelfwise.demo.web;

import org.broadleafcommerce.common.exception.ServiceException;
import org.broadleafcommerce.core.pricing.service.exception.PricingException;
import org.broadleafcommerce.core.web.controller.account.BroadleafRegisterController;
import org.broadleafcommerce.profile.core.domain.Customer;
import org.broadleafcommerce.profile.web.core.form.RegisterCustomerForm;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;

import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

/**
 * Customer registration with the e-mail address as login, through Broadleaf's register controller and
 * validator; the new customer is signed in and keeps the basket they had as a guest.
 * <p>
 * Two things differ from Broadleaf's own controller. The form binds only the fields the page has: Broadleaf's form
 * holds a whole Customer entity, so a request with {@code customer.id=N} used to register over customer N's
 * account (their order history, their sign-in). And the form's customer is a copy of the guest's, under the same
 * id (so the guest's basket stays theirs): Broadleaf binds into the session's own guest customer, and a form that
 * then failed validation left it with a user name, after which the shop could never create that visitor's basket.
 */
@Controller
@RequestMapping("/register")
public class RegisterPageController extends BroadleafRegisterController {

    public RegisterPageController() {
        setUseEmailForLogin(true);
    }

    /** The fields of the registration page; nothing else of the Customer entity can be set by a request. */
    static final String[] FIELDS = {"customer.emailAddress", "customer.firstName", "customer.lastName", "password",
            "passwordConfirm", "redirectUrl"};

    /** Longest e-mail address (RFC 5321), name and password accepted. */
    static final int MAX_EMAIL = 254;
    static final int MAX_NAME = 100;
    static final int MAX_PASSWORD = 200;

    /**
     * Refuses overlong fields before Broadleaf's validator sees them: its e-mail check is a regular expression that
     * overflows the stack on an address of a few thousand characters (a 500).
     */
    static boolean tooLong(RegisterCustomerForm form, BindingResult errors) {
        Customer customer = form.getCustomer();
        boolean refused = false;
        if (customer != null && length(customer.getEmailAddress()) > MAX_EMAIL) {
            errors.rejectValue("customer.emailAddress", "emailAddress.tooLong",
                    "An e-mail address is at most " + MAX_EMAIL + " characters");
            refused = true;
        }
        if (customer != null && (length(customer.getFirstName()) > MAX_NAME
                || length(customer.getLastName()) > MAX_NAME)) {
            errors.rejectValue("customer.firstName", "firstName.tooLong",
                    "A name is at most " + MAX_NAME + " characters");
            refused = true;
        }
        if (length(form.getPassword()) > MAX_PASSWORD || length(form.getPasswordConfirm()) > MAX_PASSWORD) {
            errors.rejectValue("password", "password.tooLong",
                    "A password is at most " + MAX_PASSWORD + " characters");
            refused = true;
        }
        return refused;
    }

    private static int length(String text) {
        return text == null ? 0 : text.length();
    }

    @InitBinder("registrationForm")
    public void bindOnlyTheFormsFields(WebDataBinder binder) {
        binder.setAllowedFields(FIELDS);
    }

    @ModelAttribute("registrationForm")
    public RegisterCustomerForm registrationForm() {
        RegisterCustomerForm form = super.initCustomerRegistrationForm();
        Customer guest = form.getCustomer();
        if (guest != null && guest.isAnonymous()) {
            Customer copy = customerService.createCustomer();
            copy.setId(guest.getId());
            form.setCustomer(copy);
        }
        return form;
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
        if (tooLong(form, errors)) {
            return getRegisterView();
        }
        String view = super.processRegister(form, errors, request, response, model);
        return view.startsWith("ajaxredirect:") ? "redirect:" + view.substring("ajaxredirect:".length()) : view;
    }
}
