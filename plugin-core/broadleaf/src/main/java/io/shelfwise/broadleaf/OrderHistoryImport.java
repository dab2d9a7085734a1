package io.shelfwise.broadleaf;

import io.shelfwise.events.InteractionEvent;
import io.shelfwise.events.ShopperKey;
import io.shelfwise.events.store.JdbcEventStore;
import org.broadleafcommerce.core.order.domain.Order;
import org.broadleafcommerce.core.order.service.type.OrderStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.orm.jpa.SharedEntityManagerCreator;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.TransactionCallback;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.persistence.EntityManager;
import javax.persistence.EntityManagerFactory;

/**
 * Turns the store's existing submitted orders into CHECKOUT events (the history a store has before the plugin
 * was installed; the demo's seeded orders become history this way). Orders are read in pages through Broadleaf's
 * entities and written straight to the store in batches (not through the request-path writer). Idempotent:
 * orders whose number is already in the event store are skipped, so it can run at every start.
 */
public class OrderHistoryImport {

    private static final Logger LOG = LoggerFactory.getLogger(OrderHistoryImport.class);
    static final int PAGE_SIZE = 200;

    private final EntityManager entityManager;
    private final TransactionTemplate readOnly;
    private final JdbcEventStore store;

    public OrderHistoryImport(EntityManagerFactory entityManagerFactory, PlatformTransactionManager transactions,
                              JdbcEventStore store) {
        this.entityManager = SharedEntityManagerCreator.createSharedEntityManager(entityManagerFactory);
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
        this.store = store;
    }

    /** What an import did. */
    public static final class Result {
        public final int orders;
        public final int skipped;
        public final int events;

        Result(int orders, int skipped, int events) {
            this.orders = orders;
            this.skipped = skipped;
            this.events = events;
        }

        @Override
        public String toString() {
            return orders + " orders imported as " + events + " events, " + skipped + " already recorded";
        }
    }

    /** Imports every submitted order not yet in the event store. */
    public Result importSubmittedOrders() {
        long start = System.nanoTime();
        final Set<String> recorded = store.recordedOrderIds();
        int orders = 0;
        int skipped = 0;
        int events = 0;
        for (int page = 0; ; page++) {
            final int first = page * PAGE_SIZE;
            final int[] pageCounts = {0, 0}; // imported, skipped
            List<InteractionEvent> batch = readOnly.execute(new TransactionCallback<List<InteractionEvent>>() {
                @Override
                public List<InteractionEvent> doInTransaction(TransactionStatus status) {
                    List<Order> submitted = entityManager.createQuery(
                            "SELECT o FROM org.broadleafcommerce.core.order.domain.Order o "
                                    + "WHERE o.status = :status ORDER BY o.id", Order.class)
                            .setParameter("status", OrderStatus.SUBMITTED.getType())
                            .setFirstResult(first).setMaxResults(PAGE_SIZE).getResultList();
                    if (submitted.isEmpty()) {
                        return null;
                    }
                    List<InteractionEvent> lines = new ArrayList<>();
                    for (Order order : submitted) {
                        String number = OrderEvents.orderId(order);
                        if (recorded.contains(number) || order.getCustomer() == null || order.getSubmitDate() == null) {
                            pageCounts[1]++;
                            continue;
                        }
                        List<InteractionEvent> orderLines = OrderEvents.checkoutLines(order,
                                ShopperKey.customer(order.getCustomer().getId()), null, order.getSubmitDate().toInstant());
                        if (!orderLines.isEmpty()) {
                            pageCounts[0]++;
                            lines.addAll(orderLines);
                        }
                    }
                    entityManager.clear();
                    return lines;
                }
            });
            if (batch == null) {
                break;
            }
            orders += pageCounts[0];
            skipped += pageCounts[1];
            events += store.append(batch);
        }
        Result result = new Result(orders, skipped, events);
        LOG.info("Order history import: " + result + " in " + (System.nanoTime() - start) / 1_000_000 + " ms");
        return result;
    }
}
