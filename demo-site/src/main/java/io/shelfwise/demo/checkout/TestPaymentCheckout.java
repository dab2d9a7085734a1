package io.shelfwise.demo.checkout;

import org.broadleafcommerce.common.payment.PaymentGatewayType;
import org.broadleafcommerce.common.payment.PaymentTransactionType;
import org.broadleafcommerce.common.payment.PaymentType;
import org.broadleafcommerce.core.checkout.service.CheckoutService;
import org.broadleafcommerce.core.checkout.service.exception.CheckoutException;
import org.broadleafcommerce.core.checkout.service.workflow.CheckoutResponse;
import org.broadleafcommerce.core.order.domain.FulfillmentGroup;
import org.broadleafcommerce.core.order.domain.FulfillmentOption;
import org.broadleafcommerce.core.order.domain.Order;
import org.broadleafcommerce.core.order.service.FulfillmentGroupService;
import org.broadleafcommerce.core.order.service.FulfillmentOptionService;
import org.broadleafcommerce.core.order.service.OrderService;
import org.broadleafcommerce.core.payment.domain.OrderPayment;
import org.broadleafcommerce.core.payment.domain.PaymentTransaction;
import org.broadleafcommerce.core.payment.service.OrderPaymentService;
import org.broadleafcommerce.core.pricing.service.exception.PricingException;
import org.broadleafcommerce.profile.core.domain.Address;
import org.broadleafcommerce.profile.core.domain.Country;
import org.broadleafcommerce.profile.core.service.AddressService;
import org.broadleafcommerce.profile.core.service.CountryService;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;

/**
 * Completes a cart with the demo store's test payment method: a pass-through payment ("pay on delivery") whose
 * single authorise-and-capture transaction covers the order total, then Broadleaf's checkout workflow.
 * No real gateway is involved and no card data is taken. Must run inside a Broadleaf request context with the
 * order's entity manager bound to the thread (the storefront's filters do that). Stateless and thread-safe.
 */
public class TestPaymentCheckout {

    private final OrderService orderService;
    private final FulfillmentGroupService fulfillmentGroupService;
    private final FulfillmentOptionService fulfillmentOptionService;
    private final OrderPaymentService orderPaymentService;
    private final CheckoutService checkoutService;
    private final AddressService addressService;
    private final CountryService countryService;

    public TestPaymentCheckout(OrderService orderService, FulfillmentGroupService fulfillmentGroupService,
                               FulfillmentOptionService fulfillmentOptionService,
                               OrderPaymentService orderPaymentService, CheckoutService checkoutService,
                               AddressService addressService, CountryService countryService) {
        this.orderService = orderService;
        this.fulfillmentGroupService = fulfillmentGroupService;
        this.fulfillmentOptionService = fulfillmentOptionService;
        this.orderPaymentService = orderPaymentService;
        this.checkoutService = checkoutService;
        this.addressService = addressService;
        this.countryService = countryService;
    }

    /** The delivery options a shopper can choose from. */
    public List<FulfillmentOption> deliveryOptions() {
        return fulfillmentOptionService.readAllFulfillmentOptions();
    }

    /**
     * Sets the delivery address and option, reprices, pays with the test method and submits the order.
     *
     * @return the submitted order
     * @throws IllegalArgumentException if the cart is empty or the country or delivery option is unknown
     * @throws CheckoutException        if Broadleaf's checkout workflow rejects the order
     */
    public Order checkout(Order cart, ShippingDetails shipping) throws CheckoutException, PricingException {
        if (cart == null || cart.getOrderItems().isEmpty()) {
            throw new IllegalArgumentException("Your basket is empty");
        }
        Country country = countryService.findCountryByAbbreviation(shipping.countryCode());
        if (country == null) {
            throw new IllegalArgumentException("We do not deliver to '" + shipping.countryCode() + "'");
        }
        FulfillmentOption option = fulfillmentOptionService.readFulfillmentOptionById(shipping.fulfillmentOptionId());
        if (option == null) {
            throw new IllegalArgumentException("Unknown delivery option " + shipping.fulfillmentOptionId());
        }

        Address address = addressService.create();
        address.setFirstName(shipping.firstName());
        address.setLastName(shipping.lastName());
        address.setAddressLine1(shipping.addressLine1());
        address.setCity(shipping.city());
        address.setPostalCode(shipping.postalCode());
        address.setCountry(country);
        address = addressService.saveAddress(address);

        FulfillmentGroup group = fulfillmentGroupService.getFirstShippableFulfillmentGroup(cart);
        if (group == null) {
            throw new IllegalStateException("Order " + cart.getId() + " has no shippable fulfilment group");
        }
        group.setAddress(address);
        group.setFulfillmentOption(option);
        cart.setEmailAddress(shipping.emailAddress());
        cart = orderService.save(cart, true);

        removeUnconfirmedPayments(cart);
        OrderPayment payment = orderPaymentService.create();
        payment.setOrder(cart);
        payment.setType(PaymentType.COD);
        payment.setPaymentGatewayType(PaymentGatewayType.PASSTHROUGH);
        payment.setAmount(cart.getTotal());
        payment.setReferenceNumber("TEST-" + cart.getId());
        payment.setBillingAddress(address);

        PaymentTransaction transaction = orderPaymentService.createTransaction();
        transaction.setOrderPayment(payment);
        transaction.setType(PaymentTransactionType.AUTHORIZE_AND_CAPTURE);
        transaction.setAmount(cart.getTotal());
        transaction.setSuccess(true);
        transaction.setDate(new Date());
        transaction.setRawResponse("Demo store test payment: nothing was charged");
        payment.getTransactions().add(transaction);
        payment = orderPaymentService.save(payment);
        cart.getPayments().add(payment);
        cart = orderService.save(cart, false);

        CheckoutResponse response = checkoutService.performCheckout(cart);
        return response.getOrder();
    }

    /** A shopper who comes back to checkout after a failed attempt starts with no payments on the cart. */
    private void removeUnconfirmedPayments(Order cart) {
        List<OrderPayment> stale = new ArrayList<>(cart.getPayments());
        cart.getPayments().clear();
        for (OrderPayment payment : stale) {
            orderPaymentService.delete(payment);
        }
    }
}
