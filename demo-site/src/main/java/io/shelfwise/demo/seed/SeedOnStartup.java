package io.shelfwise.demo.seed;

import io.shelfwise.events.store.JdbcEventStore;
import io.shelfwise.broadleaf.OrderHistoryImport;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationContextAware;
import org.springframework.context.ApplicationListener;
import org.springframework.context.event.ContextRefreshedEvent;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.nio.file.Paths;

/**
 * Seeds an empty store from the retail file once the storefront's context is up. Does nothing when no seed file
 * is configured or the store already has a catalogue; a seed file that cannot be read stops the start-up with a
 * message naming the file, rather than leaving an empty shop.
 */
public class SeedOnStartup implements ApplicationListener<ContextRefreshedEvent>, ApplicationContextAware {

    private static final Log LOG = LogFactory.getLog(SeedOnStartup.class);

    private final StoreSeeder seeder;
    private final String seedFile;
    private final OrderHistoryImport history;
    private final JdbcEventStore events;
    private ApplicationContext context;

    /**
     * @param history the plugin's import of Broadleaf orders into its event store, run after seeding (and on a
     *                later start whose event store is still empty)
     */
    public SeedOnStartup(StoreSeeder seeder, String seedFile, OrderHistoryImport history, JdbcEventStore events) {
        this.seeder = seeder;
        this.seedFile = seedFile == null ? "" : seedFile.trim();
        this.history = history;
        this.events = events;
    }

    @Override
    public void setApplicationContext(ApplicationContext applicationContext) {
        this.context = applicationContext;
    }

    @Override
    public void onApplicationEvent(ContextRefreshedEvent event) {
        if (event.getApplicationContext() != context || seedFile.isEmpty() || seedFile.startsWith("${")) {
            return;
        }
        if (seeder.hasCatalogue()) {
            LOG.info("The store has a catalogue already; not seeding from " + seedFile);
            importHistoryIfNone();
            return;
        }
        Path file = Paths.get(seedFile);
        RetailTransactions transactions;
        try {
            transactions = RetailTransactions.read(file);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot seed the store from " + file.toAbsolutePath(), e);
        }
        if (transactions.rejectedRows() > 0) {
            LOG.warn("Skipped " + transactions.rejectedRows() + " unreadable rows of " + file);
        }
        LOG.info("Seeding the store from " + file + " (" + transactions.lines().size() + " rows)");
        seeder.seedIfEmpty(CatalogueDraft.of(transactions, ProductCategories.standard()));
        importHistoryIfNone();
    }

    private void importHistoryIfNone() {
        try {
            if (events.recordedOrderIds().isEmpty()) {
                LOG.info("Importing the store's orders into the Shelfwise event store: " + history.importSubmittedOrders());
            }
        } catch (RuntimeException e) {
            LOG.error("Order history was not imported into the event store: " + e.getMessage(), e);
        }
    }
}
