package io.shelfwise.demo;

import io.shelfwise.demo.seed.CatalogueDraft;
import io.shelfwise.demo.seed.ProductCategories;
import io.shelfwise.demo.seed.RetailTransactions;
import io.shelfwise.demo.seed.StoreSeeder;
import org.broadleafcommerce.common.currency.service.BroadleafCurrencyService;
import org.broadleafcommerce.common.extensibility.context.MergeClassPathXMLApplicationContext;
import org.broadleafcommerce.common.locale.service.LocaleService;
import org.broadleafcommerce.common.web.BroadleafRequestContext;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.orm.jpa.EntityManagerHolder;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.RequestScope;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.context.request.SessionScope;

import javax.persistence.EntityManager;
import javax.persistence.EntityManagerFactory;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.concurrent.Callable;

/**
 * A real Broadleaf store context (the storefront's root context, without the web layer) on a file-based HSQLDB
 * in a temporary folder, seeded from a small fixture of the retail file. Work that Broadleaf expects to run in a
 * web request runs through {@link #inRequest(Callable)}, which sets up what the storefront's filters would:
 * request attributes, a {@link BroadleafRequestContext} and an entity manager bound to the thread.
 */
final class BroadleafTestStore implements AutoCloseable {

    private final Path dataDir;
    private final MergeClassPathXMLApplicationContext context;
    private final StoreSeeder.Result seeded;

    private BroadleafTestStore(Path dataDir, MergeClassPathXMLApplicationContext context, StoreSeeder.Result seeded) {
        this.dataDir = dataDir;
        this.context = context;
        this.seeded = seeded;
    }

    static BroadleafTestStore start() throws Exception {
        Path dataDir = Files.createTempDirectory("shelfwise-store-test");
        DemoSettings.of(dataDir, 0, null).apply();
        MergeClassPathXMLApplicationContext context = new StoreContext(
                StoreContextLocations.broadleafSources().toArray(new String[0]),
                StoreContextLocations.storefrontPatches().toArray(new String[0]));
        CatalogueDraft draft = CatalogueDraft.of(RetailTransactions.read(fixture()), ProductCategories.standard());
        StoreSeeder.Result seeded = context.getBean(StoreSeeder.class).seedIfEmpty(draft);
        return new BroadleafTestStore(dataDir, context, seeded);
    }

    static Path fixture() throws URISyntaxException {
        return Paths.get(BroadleafTestStore.class.getResource("/retail-sample.csv").toURI());
    }

    StoreSeeder.Result seeded() {
        return seeded;
    }

    <T> T bean(String name, Class<T> type) {
        return context.getBean(name, type);
    }

    <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    /** Runs work the way a storefront request would: request scope, Broadleaf request context, open entity manager. */
    <T> T inRequest(Callable<T> work) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/");
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request));
        BroadleafRequestContext brc = new BroadleafRequestContext();
        brc.setRequest(request);
        brc.setResponse(new MockHttpServletResponse());
        brc.setLocale(bean("blLocaleService", LocaleService.class).findLocaleByCode("en_GB"));
        brc.setBroadleafCurrency(bean("blCurrencyService", BroadleafCurrencyService.class).findCurrencyByCode("GBP"));
        BroadleafRequestContext.setBroadleafRequestContext(brc);
        EntityManagerFactory emf = bean("entityManagerFactory", EntityManagerFactory.class);
        EntityManager em = emf.createEntityManager();
        TransactionSynchronizationManager.bindResource(emf, new EntityManagerHolder(em));
        try {
            return work.call();
        } finally {
            TransactionSynchronizationManager.unbindResource(emf);
            em.close();
            BroadleafRequestContext.setBroadleafRequestContext(null);
            RequestContextHolder.resetRequestAttributes();
        }
    }

    @Override
    public void close() throws Exception {
        context.close();
        DemoSettings.of(dataDir, 0, null).reset();
    }

    /** Broadleaf's merge context plus the web scopes its request- and session-scoped beans need. */
    private static final class StoreContext extends MergeClassPathXMLApplicationContext {
        StoreContext(String[] sources, String[] patches) {
            super(sources, patches);
        }

        @Override
        protected void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
            super.postProcessBeanFactory(beanFactory);
            beanFactory.registerScope("request", new RequestScope());
            beanFactory.registerScope("session", new SessionScope());
        }
    }
}
