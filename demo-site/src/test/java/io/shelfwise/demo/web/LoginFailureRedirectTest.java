package io.shelfwise.demo.web;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LoginFailureRedirectTest {

    @Test
    void onlyAPlainPathOfTheShopIsKeptAsTheDestination() {
        assertThat(LoginFailureRedirect.target("/cart")).isEqualTo("/login?error=true&successUrl=%2Fcart");
        assertThat(LoginFailureRedirect.target("/candles-lighting/white-heart-85123a"))
                .endsWith("successUrl=%2Fcandles-lighting%2Fwhite-heart-85123a");
        for (String strange : new String[] {null, "", "a%b", "%", "http://elsewhere.example/", "//elsewhere.example",
                "/cart\r\nX: 1", "/caf\u00e9", "/" + new String(new char[300]).replace('\0', 'x'), "javascript:x"}) {
            assertThat(LoginFailureRedirect.target(strange)).as(String.valueOf(strange))
                    .isEqualTo(LoginFailureRedirect.LOGIN);
        }
    }
}
