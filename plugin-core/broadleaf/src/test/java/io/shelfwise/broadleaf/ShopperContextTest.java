package io.shelfwise.broadleaf;

import io.shelfwise.events.ShopperKey;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpSession;

import javax.servlet.http.Cookie;

import static io.shelfwise.broadleaf.Broadleaf.customer;
import static org.assertj.core.api.Assertions.assertThat;

class ShopperContextTest {

    private static final String VISITOR = "3f2b8c1e-7d4a-4e5f-9a6b-0c1d2e3f4a5b";

    private static MockHttpServletRequest withVisitorCookie() {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/");
        request.setCookies(new Cookie(VisitorCookie.NAME, VISITOR));
        return request;
    }

    @Test
    void aRegisteredCustomerIsKeyedByCustomerIdEvenWithAVisitorCookie() {
        assertThat(ShopperContext.shopper(customer(17850L, true), withVisitorCookie()))
                .isEqualTo(ShopperKey.customer(17850L));
    }

    @Test
    void anAnonymousShopperIsKeyedByTheVisitorCookie() {
        // Broadleaf gives every guest a customer row of its own; it is not registered, so the cookie keys them
        assertThat(ShopperContext.shopper(customer(99L, false), withVisitorCookie()))
                .isEqualTo(ShopperKey.visitor(VISITOR));
        assertThat(ShopperContext.shopper(null, withVisitorCookie())).isEqualTo(ShopperKey.visitor(VISITOR));
    }

    @Test
    void noOneToAttributeToWithoutARegisteredCustomerOrACookie() {
        assertThat(ShopperContext.shopper(customer(99L, false), new MockHttpServletRequest())).isNull();
        assertThat(ShopperContext.shopper(null, null)).isNull();
        assertThat(ShopperContext.shopper(customer(null, true), null)).as("a customer not yet saved").isNull();
    }

    @Test
    void globalPrivacyControlAndDoNotTrackMeanNoOneIsRecorded() {
        MockHttpServletRequest gpc = withVisitorCookie();
        gpc.addHeader("Sec-GPC", "1");
        MockHttpServletRequest dnt = withVisitorCookie();
        dnt.addHeader("DNT", "1");
        MockHttpServletRequest dntOff = withVisitorCookie();
        dntOff.addHeader("DNT", "0");

        assertThat(ShopperContext.doNotTrack(gpc)).isTrue();
        assertThat(ShopperContext.doNotTrack(dnt)).isTrue();
        assertThat(ShopperContext.doNotTrack(dntOff)).isFalse();
        assertThat(ShopperContext.doNotTrack(null)).isFalse();
        assertThat(ShopperContext.shopper(customer(17850L, true), gpc)).isNull();
        assertThat(ShopperContext.shopper(null, dnt)).isNull();
        assertThat(ShopperContext.shopper(null, dntOff)).isEqualTo(ShopperKey.visitor(VISITOR));
    }

    @Test
    void theSessionIsStoredOnlyAsAStableOneWayHash() {
        MockHttpServletRequest request = new MockHttpServletRequest();
        assertThat(ShopperContext.sessionHash(request)).as("no session is created to hash").isNull();
        assertThat(request.getSession(false)).isNull();

        MockHttpSession session = new MockHttpSession(null, "A1B2C3D4E5F6");
        request.setSession(session);
        String hash = ShopperContext.sessionHash(request);
        assertThat(hash).matches("[0-9a-f]{32}").doesNotContain("A1B2C3D4E5F6");
        assertThat(ShopperContext.sessionHash(request)).isEqualTo(hash);

        MockHttpServletRequest other = new MockHttpServletRequest();
        other.setSession(new MockHttpSession(null, "A1B2C3D4E5F7"));
        assertThat(ShopperContext.sessionHash(other)).isNotEqualTo(hash);
        assertThat(ShopperContext.sessionHash(null)).isNull();
    }

    @Test
    void aFirstVisitIsTheRequestThatIssuedTheCookie() {
        MockHttpServletRequest first = new MockHttpServletRequest("GET", "/");
        VisitorCookie.ensure(first, new org.springframework.mock.web.MockHttpServletResponse());
        assertThat(ShopperContext.firstVisit(first)).isTrue();
        assertThat(ShopperContext.firstVisit(withVisitorCookie())).isFalse();
        assertThat(ShopperContext.firstVisit(null)).isFalse();
    }
}
