package io.shelfwise.broadleaf;

import io.shelfwise.events.EventType;
import io.shelfwise.events.InteractionEvent;
import io.shelfwise.events.ShopperKey;
import org.broadleafcommerce.core.catalog.domain.Category;
import org.broadleafcommerce.core.catalog.domain.Product;
import org.broadleafcommerce.core.web.catalog.CategoryHandlerMapping;
import org.broadleafcommerce.core.web.catalog.ProductHandlerMapping;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.view.RedirectView;

import java.util.Arrays;
import javax.servlet.http.Cookie;

import static io.shelfwise.broadleaf.Broadleaf.category;
import static io.shelfwise.broadleaf.Broadleaf.customer;
import static io.shelfwise.broadleaf.Broadleaf.product;
import static io.shelfwise.broadleaf.Broadleaf.sku;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/** The storefront's web hook with Broadleaf's own customer resolver, a real event capture and servlet mocks. */
class CaptureInterceptorTest {

    private static final String VISITOR = "3f2b8c1e-7d4a-4e5f-9a6b-0c1d2e3f4a5b";

    private RecordedEvents recorded;
    private CaptureInterceptor interceptor;
    private MockHttpServletRequest request;
    private MockHttpServletResponse response;

    @BeforeAll
    static void customerResolver() {
        Broadleaf.installCustomerResolver();
    }

    @BeforeEach
    void setUp() {
        recorded = new RecordedEvents();
        interceptor = new CaptureInterceptor(recorded.capture);
        request = new MockHttpServletRequest("GET", "/hats/felt-hat");
        request.setCookies(new Cookie(VisitorCookie.NAME, VISITOR));
        request.setSession(new MockHttpSession(null, "S1"));
        response = new MockHttpServletResponse();
    }

    @AfterEach
    void tearDown() throws InterruptedException {
        recorded.close();
    }

    private void render(ModelAndView model) {
        interceptor.preHandle(request, response, null);
        interceptor.postHandle(request, response, null, model);
    }

    @Test
    void aProductPageIsAViewOfTheProductInItsDefaultCategory() {
        Product hat = product(42L, "Felt hat", sku("9.99", null), category(7L, "Hats"));
        request.setAttribute(ProductHandlerMapping.CURRENT_PRODUCT_ATTRIBUTE_NAME, hat);

        render(new ModelAndView("catalog/product"));

        assertThat(recorded.events()).singleElement().satisfies(e -> {
            assertThat(e.type()).isEqualTo(EventType.PRODUCT_VIEW);
            assertThat(e.shopper()).isEqualTo(ShopperKey.visitor(VISITOR));
            assertThat(e.itemId()).isEqualTo("42");
            assertThat(e.categoryId()).isEqualTo("7");
            assertThat(e.sessionId()).isEqualTo(ShopperContext.sessionHash(request));
            assertThat(e.occurredAt()).isEqualTo(RecordedEvents.NOW);
        });
    }

    @Test
    void aSignedInCustomerIsRecordedUnderTheirCustomerId() {
        request.setAttribute("customer", customer(17850L, true)); // where Broadleaf's resolver keeps the customer
        Category hats = category(7L, "Hats");
        request.setAttribute(CategoryHandlerMapping.CURRENT_CATEGORY_ATTRIBUTE_NAME, hats);

        render(new ModelAndView("catalog/category"));

        assertThat(recorded.events()).singleElement().satisfies(e -> {
            assertThat(e.type()).isEqualTo(EventType.CATEGORY_VIEW);
            assertThat(e.shopper()).isEqualTo(ShopperKey.customer(17850L));
            assertThat(e.categoryId()).isEqualTo("7");
        });
    }

    @Test
    void aSearchPageRecordsTheQueryAndHowManyProductsItFound() {
        ModelAndView results = new ModelAndView("catalog/search");
        results.addObject("originalQuery", "felt hat");
        results.addObject("products", Arrays.asList(mock(Product.class), mock(Product.class)));

        render(results);

        InteractionEvent search = recorded.events().get(0);
        assertThat(search.type()).isEqualTo(EventType.SEARCH);
        assertThat(search.query()).isEqualTo("felt hat");
        assertThat(search.resultCount()).isEqualTo(2);
    }

    @Test
    void onlySuccessfulGetPagesCount() {
        Product hat = product(42L, "Felt hat", sku("9.99", null), null);
        request.setAttribute(ProductHandlerMapping.CURRENT_PRODUCT_ATTRIBUTE_NAME, hat);

        request.setMethod("POST");
        render(new ModelAndView("catalog/product"));
        request.setMethod("GET");
        render(new ModelAndView(new RedirectView("/cart")));
        render(new ModelAndView("redirect:/cart"));
        render(null);
        response.setStatus(404);
        render(new ModelAndView("catalog/product"));
        assertThat(recorded.events()).isEmpty();

        response.setStatus(200);
        render(new ModelAndView("catalog/product"));
        assertThat(recorded.events()).singleElement().satisfies(e -> assertThat(e.categoryId()).isNull());
    }

    @Test
    void pagesThatAreNeitherProductCategoryNorSearchAreNotRecorded() {
        render(new ModelAndView("cart/cart"));
        assertThat(recorded.events()).isEmpty();
    }

    @Test
    void aBrowserThatAsksNotToBeTrackedGetsNoCookieAndNothingIsRecorded() {
        MockHttpServletRequest fresh = new MockHttpServletRequest("GET", "/hats/felt-hat");
        fresh.addHeader("Sec-GPC", "1");
        fresh.setAttribute(ProductHandlerMapping.CURRENT_PRODUCT_ATTRIBUTE_NAME,
                product(42L, "Felt hat", sku("9.99", null), null));
        request = fresh;

        render(new ModelAndView("catalog/product"));

        assertThat(response.getHeader("Set-Cookie")).isNull();
        assertThat(recorded.events()).isEmpty();
    }

    @Test
    void aFirstVisitGetsACookieAndItsFirstPageIsRecordedUnderIt() {
        MockHttpServletRequest fresh = new MockHttpServletRequest("GET", "/hats");
        fresh.setAttribute(CategoryHandlerMapping.CURRENT_CATEGORY_ATTRIBUTE_NAME, category(7L, "Hats"));
        request = fresh;

        render(new ModelAndView("catalog/category"));

        String issued = (String) fresh.getAttribute(VisitorCookie.REQUEST_ATTRIBUTE);
        assertThat(response.getHeader("Set-Cookie")).startsWith("sw_vid=" + issued);
        assertThat(recorded.events()).singleElement()
                .satisfies(e -> assertThat(e.shopper()).isEqualTo(ShopperKey.visitor(issued)));
    }

    @Test
    void aProblemInCaptureNeverFailsThePage() {
        Product broken = mock(Product.class);
        when(broken.getId()).thenThrow(new IllegalStateException("lazy load outside a session"));
        request.setAttribute(ProductHandlerMapping.CURRENT_PRODUCT_ATTRIBUTE_NAME, broken);

        render(new ModelAndView("catalog/product"));

        assertThat(recorded.events()).isEmpty();
    }
}
