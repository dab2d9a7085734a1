package io.shelfwise.storefront.thymeleaf;

import io.shelfwise.recommend.Catalogue;
import io.shelfwise.recommend.CatalogueItem;
import io.shelfwise.recommend.Recommendation;
import io.shelfwise.recommend.RecommendationRequest;
import io.shelfwise.recommend.RecommendationResponse;
import io.shelfwise.recommend.Recommender;
import io.shelfwise.recommend.UnknownPlacementException;
import io.shelfwise.storefront.RecommendationWidgets;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockServletContext;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.WebContext;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The element, its dialect and the default fragments rendered by a real Thymeleaf 2.1 engine. */
class RecommendationsElementProcessorTest {

    private final List<RecommendationRequest> asked = new ArrayList<>();

    /** Ranks p1..p6 for any placement, minus what the page already shows; knows only the standard placements. */
    private final Recommender recommender = request -> {
        asked.add(request);
        if (request.placement().equals("no-such-placement")) {
            throw new UnknownPlacementException(request.placement(), Arrays.asList("home-for-you", "home-trending"));
        }
        List<Recommendation> items = new ArrayList<>();
        for (int i = 1; i <= 6 && items.size() < request.count(); i++) {
            String id = String.valueOf(i);
            if (!request.alreadyShown().contains(id)) {
                items.add(new Recommendation(id, 1f / i, "trending", "trending@4", "Trending in <Lamps>", null));
            }
        }
        return new RecommendationResponse(request.placement(), items, false, false);
    };

    private final Catalogue catalogue = new Catalogue() {
        @Override
        public CatalogueItem item(String id) {
            String name = id.equals("2") ? "<script>alert('x')</script> Lamp" : "Lamp " + id;
            return new CatalogueItem(id, name, Collections.singletonList("lamps"), new BigDecimal("4.50"), true, true,
                    "/lamps/lamp-" + id, null);
        }

        @Override
        public String categoryName(String categoryId) {
            return categoryId;
        }
    };

    private String render() {
        return render(true);
    }

    private String render(boolean enabled) {
        RecommendationWidgets widgets = new RecommendationWidgets(recommender, catalogue, null, "/cart/add",
                request -> null, Collections::<String>emptyList);
        TemplateEngine engine = new TemplateEngine();
        ClassLoaderTemplateResolver pages = new ClassLoaderTemplateResolver();
        pages.setPrefix("test-templates/");
        pages.setSuffix(".html");
        pages.setTemplateMode("HTML5");
        pages.setOrder(1);
        engine.addTemplateResolver(pages);
        TemplateEngineRegistration registration = new TemplateEngineRegistration("engine", "widgets", enabled);
        org.springframework.beans.factory.support.StaticListableBeanFactory beans =
                new org.springframework.beans.factory.support.StaticListableBeanFactory();
        beans.addBean("widgets", widgets);
        registration.setBeanFactory(beans);
        registration.postProcessBeforeInitialization(engine, "engine");
        MockServletContext servletContext = new MockServletContext();
        MockHttpServletRequest request = new MockHttpServletRequest(servletContext, "GET", "/");
        Map<String, Object> variables = new HashMap<>();
        variables.put("heading", "now");
        variables.put("productId", 42L);
        WebContext context = new WebContext(request, new MockHttpServletResponse(), servletContext, Locale.UK,
                variables);
        return engine.process("page", context);
    }

    @Test
    void rendersEachPlacementsStripWithTrackingDataAndNoItemTwice() {
        String html = render();
        assertThat(count(html, "<section class=\"shelfwise-widget\"")).isEqualTo(2);
        assertThat(html).contains("data-shelfwise-widget=\"home-for-you\"", "data-shelfwise-items=\"1,2,3\"",
                "data-shelfwise-widget=\"home-trending\"", "data-shelfwise-items=\"4,5,6\"",
                "data-shelfwise-versions=\"trending@4,trending@4,trending@4\"");
        // headings: the placement's default, or the template's own (an expression here)
        assertThat(html).contains(">Recommended for you</h2>", ">Hot now</h2>");
        assertThat(html).contains("href=\"/lamps/lamp-1\"", "name=\"productId\" value=\"1\"", "action=\"/cart/add\"");
        assertThat(html).containsPattern("class=\"shelfwise-price\">[^<]*4\\.50<");
        // the second widget was asked with what the first one showed
        assertThat(asked.get(1).alreadyShown()).containsExactly("1", "2", "3");
    }

    @Test
    void markupInNamesAndReasonsIsShownAsTextNeverRun() {
        String html = render();
        assertThat(html).doesNotContain("<script>alert");
        assertThat(html).contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; Lamp");
        assertThat(html).contains("Trending in &lt;Lamps&gt;");
    }

    @Test
    void anUnknownPlacementRendersNothingAndALazyOneAPlaceholder() {
        String html = render();
        assertThat(html).doesNotContain("no-such-placement", "shelfwise:recommendations");
        assertThat(html).contains("data-shelfwise-lazy=\"pdp-similar\"", "data-shelfwise-product=\"42\"",
                "data-shelfwise-title=\"Similar items\"");
        // the lazy widget costs the page no model call
        assertThat(asked).extracting(RecommendationRequest::placement)
                .containsExactly("home-for-you", "home-trending", "no-such-placement");
    }

    @Test
    void switchedOffEveryWidgetRendersAsNothingAndNoModelIsAsked() {
        String html = render(false);
        assertThat(html).doesNotContain("shelfwise");
        assertThat(asked).isEmpty();
    }

    private static int count(String html, String needle) {
        Matcher m = Pattern.compile(Pattern.quote(needle)).matcher(html);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }
}
