package io.shelfwise.demo.seed;

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
    private ApplicationContext context;

    public SeedOnStartup(StoreSeeder seeder, String seedFile) {
        this.seeder = seeder;
        this.seedFile = seedFile == null ? "" : seedFile.trim();
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
    }
}
