package io.shelfwise.demo;

import org.broadleafcommerce.common.extensibility.context.StandardConfigLocations;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * The Spring context files the demo store merges on top of Broadleaf's standard ones, in merge order.
 * Later files override earlier ones bean by bean (Broadleaf's merge rules), so the plugin's files come last.
 */
public final class StoreContextLocations {

    private StoreContextLocations() {
    }

    /** Broadleaf's standard application context files (persistence, services, workflows, web services). */
    public static List<String> broadleafSources() {
        try {
            return Collections.unmodifiableList(
                    Arrays.asList(StandardConfigLocations.retrieveAll(StandardConfigLocations.APPCONTEXTTYPE)));
        } catch (IOException e) {
            throw new IllegalStateException("Broadleaf's StandardConfigLocations.txt cannot be read", e);
        }
    }

    /** Patches for the storefront's root context (also what the service-level tests boot). */
    public static List<String> storefrontPatches() {
        List<String> patches = new ArrayList<>();
        patches.add("bl-open-admin-contentClient-applicationContext.xml");
        patches.add("bl-cms-contentClient-applicationContext.xml");
        patches.add("shelfwise-demo-applicationContext-datasource.xml");
        patches.add("shelfwise-demo-applicationContext.xml");
        patches.add("bl-shelfwise-applicationContext.xml");
        return Collections.unmodifiableList(patches);
    }
}
