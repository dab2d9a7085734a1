package io.shelfwise;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/**
 * The plugin's build version, read once from the {@code shelfwise-version.properties} resource that the build
 * fills in. Recorded with every trained model and shown in the storefront and admin. Immutable and thread-safe.
 */
public final class ShelfwiseVersion {

    private static final String RESOURCE = "shelfwise-version.properties";

    private final String version;

    private ShelfwiseVersion(String version) {
        this.version = version;
    }

    /**
     * Reads the version of the plugin on the class path.
     *
     * @throws IllegalStateException if the resource is missing or was not filled in by the build
     */
    public static ShelfwiseVersion current() {
        Properties properties = new Properties();
        try (InputStream in = ShelfwiseVersion.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the plugin jar");
            }
            properties.load(in);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read " + RESOURCE, e);
        }
        String version = properties.getProperty("version", "");
        if (version.isEmpty() || version.startsWith("${")) {
            throw new IllegalStateException(RESOURCE + " was not filled in by the build: '" + version + "'");
        }
        return new ShelfwiseVersion(version);
    }

    public String version() {
        return version;
    }

    @Override
    public String toString() {
        return "Shelfwise " + version;
    }
}
