package io.shelfwise.demo;

import io.shelfwise.broadleaf.OrderHistoryImport;
import io.shelfwise.broadleaf.ServingComponents;
import io.shelfwise.demo.checkout.ShippingDetails;
import io.shelfwise.demo.checkout.TestPaymentCheckout;
import io.shelfwise.events.EventType;
import io.shelfwise.events.InteractionEvent;
import io.shelfwise.events.ShopperKey;
import io.shelfwise.events.capture.EventCapture;
import io.shelfwise.recommend.Recommendation;
import io.shelfwise.recommend.RecommendationRequest;
import io.shelfwise.recommend.RecommendationResponse;
import io.shelfwise.recommend.Recommender;
import io.shelfwise.recommend.StandardPlacements;
import io.shelfwise.recommend.serve.ServingModels;
import io.shelfwise.recommend.training.RecommenderTraining;
import io.shelfwise.registry.ModelRegistry;
import org.broadleafcommerce.core.catalog.domain.Category;
import org.broadleafcommerce.core.catalog.domain.Product;
import org.broadleafcommerce.core.catalog.service.CatalogService;
import org.broadleafcommerce.core.order.domain.Order;
import org.broadleafcommerce.core.order.domain.OrderItem;
import org.broadleafcommerce.core.order.service.OrderService;
import org.broadleafcommerce.core.order.service.call.OrderItemRequestDTO;
import org.broadleafcommerce.core.order.service.type.OrderStatus;
import org.broadleafcommerce.profile.core.domain.Customer;
import org.broadleafcommerce.profile.core.service.CustomerService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.PlatformTransactionManager;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Boots the real Broadleaf context on HSQLDB, seeds it from a fixture of the retail file and drives
 * catalogue -> cart -> checkout through Broadleaf's own services.
 */
class StoreServicesIT {

    private static BroadleafTestStore store;

    @BeforeAll
    static void startStore() throws Exception {
        store = BroadleafTestStore.start();
    }

    @AfterAll
    static void stopStore() throws Exception {
        if (store != null) {
            store.close();
        }
    }

    @Test
    void seedingBuildsACatalogueWithCategoriesCustomersAndHistory() throws Exception {
        assertThat(store.seeded()).isNotNull();
        assertThat(store.seeded().products).isGreaterThan(40);
        assertThat(store.seeded().orders).isEqualTo(11); // 10 customer invoices + 1 guest invoice
        assertThat(store.seeded().customers).isGreaterThanOrEqualTo(5);

        store.inRequest(() -> {
            CatalogService catalog = store.bean("blCatalogService", CatalogService.class);
            Category lighting = catalog.findCategoryByURI("/candles-lighting");
            assertThat(lighting).isNotNull();
            Product heart = catalog.findProductByURI(
                    "/candles-lighting/white-hanging-heart-t-light-holder-85123a");
            assertThat(heart).isNotNull();
            assertThat(heart.getName()).isEqualTo("White Hanging Heart T-Light Holder");
            assertThat(heart.getDefaultSku().getRetailPrice().getAmount()).isEqualByComparingTo("2.55");
            assertThat(heart.getDefaultSku().getRetailPrice().getCurrency().getCurrencyCode()).isEqualTo("GBP");

            Customer customer = store.bean("blCustomerService", CustomerService.class)
                    .readCustomerByUsername("customer17850@shelfwise.test");
            assertThat(customer).isNotNull();
            List<Order> history = store.bean("blOrderService", OrderService.class)
                    .findOrdersForCustomer(customer, OrderStatus.SUBMITTED);
            assertThat(history).isNotEmpty();
            assertThat(history.get(0).getOrderItems()).isNotEmpty();
            return null;
        });
    }

    @Test
    void recommendationsAreTrainedFromTheStoresHistoryAndServedFromItsCatalogue() throws Exception {
        ModelRegistry registry = store.bean("shelfwiseModelRegistry", ModelRegistry.class);
        ServingModels serving = store.bean("shelfwiseServingModels", ServingModels.class);
        EventCapture capture = store.bean("shelfwiseEventCapture", EventCapture.class);
        if (capture.store().recordedOrderIds().isEmpty()) {
            store.bean("shelfwiseOrderHistoryImport", OrderHistoryImport.class).importSubmittedOrders();
        }
        try (RecommenderTraining training = ServingComponents.training(registry, serving, capture,
                store.bean("blCatalogService", CatalogService.class),
                store.bean("blTransactionManager", PlatformTransactionManager.class), 36500, 0, false,
                store.bean("shelfwiseClock", Clock.class))) {
            for (String strategy : Arrays.asList("default", "pop", "trending", "also-bought", "content")) {
                training.trainNow(strategy, "test", true);
            }
            training.awaitIdle(120, TimeUnit.SECONDS);
        }
        assertThat(registry.active("default")).isPresent();
        assertThat(serving.activeVersions()).containsKeys("default", "pop", "trending", "also-bought", "content");

        Customer customer = store.inRequest(() -> store.bean("blCustomerService", CustomerService.class)
                .readCustomerByUsername("customer17850@shelfwise.test"));
        Set<String> bought = new HashSet<>();
        capture.store().export(ShopperKey.customer(customer.getId()), e -> {
            if (e.type() == EventType.CHECKOUT) {
                bought.add(e.itemId());
            }
        });
        assertThat(bought).isNotEmpty();
        Recommender recommender = store.bean("shelfwiseRecommender", Recommender.class);
        RecommendationResponse forYou = store.inRequest(() -> recommender.recommend(RecommendationRequest
                .builder(StandardPlacements.HOME_FOR_YOU).shopper(ShopperKey.customer(customer.getId())).count(4)
                .build()));
        assertThat(forYou.items()).hasSize(4);
        CatalogService catalog = store.bean("blCatalogService", CatalogService.class);
        for (Recommendation r : forYou.items()) {
            assertThat(bought).doesNotContain(r.itemId());
            assertThat(store.inRequest(() -> catalog.findProductById(Long.valueOf(r.itemId())))).isNotNull();
            assertThat(r.reason()).isNotBlank();
        }
        assertThat(forYou.items().get(0).strategy()).isEqualTo("default");

        String heart = store.inRequest(() -> catalog.findProductByURI(
                "/candles-lighting/white-hanging-heart-t-light-holder-85123a").getId().toString());
        RecommendationResponse alsoBought = store.inRequest(() -> recommender.recommend(RecommendationRequest
                .builder(StandardPlacements.PDP_ALSO_BOUGHT).currentItem(heart).count(4).build()));
        assertThat(alsoBought.items()).isNotEmpty().noneMatch(r -> r.itemId().equals(heart));
        assertThat(alsoBought.items().get(0).reason()).contains("White Hanging Heart T-Light Holder");

        RecommendationResponse similar = store.inRequest(() -> recommender.recommend(RecommendationRequest
                .builder(StandardPlacements.PDP_SIMILAR).currentItem(heart).count(4).build()));
        assertThat(similar.items()).hasSize(4).noneMatch(r -> r.itemId().equals(heart));
        assertThat(similar.items().get(0).strategy()).isEqualTo("content");
        assertThat(similar.items().get(0).reason()).isEqualTo("Similar to White Hanging Heart T-Light Holder");

        // a visitor's click counts at once: the next page's "for you" follows it
        ShopperKey visitor = ShopperKey.visitor("visitor-test-0001");
        capture.record(InteractionEvent.builder(EventType.PRODUCT_VIEW, visitor, Instant.now()).item(heart).build());
        RecommendationResponse afterClick = store.inRequest(() -> recommender.recommend(RecommendationRequest
                .builder(StandardPlacements.HOME_FOR_YOU).shopper(visitor).count(4).build()));
        assertThat(afterClick.items().get(0).reason()).isEqualTo("Because you viewed White Hanging Heart T-Light Holder");
    }

    @Test
    void secondSeedingDoesNothing() {
        assertThat(store.bean(io.shelfwise.demo.seed.StoreSeeder.class).hasCatalogue()).isTrue();
        assertThat(store.bean(io.shelfwise.demo.seed.StoreSeeder.class).seedIfEmpty(null)).isNull();
    }

    @Test
    void shopperAddsUpdatesRemovesAndChecksOut() throws Exception {
        Order submitted = store.inRequest(() -> {
            CatalogService catalog = store.bean("blCatalogService", CatalogService.class);
            OrderService orders = store.bean("blOrderService", OrderService.class);
            CustomerService customers = store.bean("blCustomerService", CustomerService.class);
            Product lantern = catalog.findProductByURI("/candles-lighting/white-metal-lantern-71053");
            Product heart = catalog.findProductByURI("/candles-lighting/white-hanging-heart-t-light-holder-85123a");
            assertThat(lantern).isNotNull();

            Customer shopper = customers.createNewCustomer();
            Order cart = orders.createNewCartForCustomer(shopper);

            cart = orders.addItem(cart.getId(), item(lantern, 2), true);
            cart = orders.addItem(cart.getId(), item(heart, 1), true);
            assertThat(cart.getOrderItems()).hasSize(2);
            assertThat(cart.getSubTotal().getAmount()).isEqualByComparingTo(
                    lantern.getDefaultSku().getRetailPrice().getAmount().multiply(BigDecimal.valueOf(2))
                            .add(heart.getDefaultSku().getRetailPrice().getAmount()));

            OrderItem lanternLine = lineFor(cart, lantern);
            OrderItemRequestDTO update = new OrderItemRequestDTO();
            update.setOrderItemId(lanternLine.getId());
            update.setQuantity(3);
            cart = orders.updateItemQuantity(cart.getId(), update, true);
            assertThat(lineFor(cart, lantern).getQuantity()).isEqualTo(3);

            cart = orders.removeItem(cart.getId(), lineFor(cart, heart).getId(), true);
            assertThat(cart.getOrderItems()).hasSize(1);

            ShippingDetails shipping = ShippingDetails.builder()
                    .firstName("Ada").lastName("Lovelace").addressLine1("12 St James's Square")
                    .city("London").postalCode("SW1Y 4JH").countryCode("GB")
                    .emailAddress("ada@example.com").fulfillmentOptionId(-1L).build();
            return store.bean(TestPaymentCheckout.class).checkout(cart, shipping);
        });

        assertThat(submitted.getStatus()).isEqualTo(OrderStatus.SUBMITTED);
        assertThat(submitted.getOrderNumber()).isNotBlank();
        assertThat(submitted.getTotal().getAmount()).isEqualByComparingTo(
                submitted.getSubTotal().getAmount().add(new BigDecimal("3.95")));
    }

    private static OrderItemRequestDTO item(Product product, int quantity) {
        OrderItemRequestDTO dto = new OrderItemRequestDTO();
        dto.setProductId(product.getId());
        dto.setSkuId(product.getDefaultSku().getId());
        dto.setQuantity(quantity);
        return dto;
    }

    private static OrderItem lineFor(Order cart, Product product) {
        for (OrderItem item : cart.getOrderItems()) {
            if (item.getName().equals(product.getDefaultSku().getName())) {
                return item;
            }
        }
        throw new AssertionError("No line for " + product.getName() + " in " + cart.getOrderItems());
    }
}
