package io.shelfwise.jdbc;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import javax.sql.DataSource;

/**
 * Creates and upgrades the plugin's own tables with Flyway, from the migrations module's folder for the database
 * at hand ({@code db/shelfwise/hsqldb|postgresql|mysql}). Flyway's history lives in {@code SW_SCHEMA_HISTORY}, so it
 * never meets the host's tables. Safe to call at every start: an up-to-date schema is left as it is.
 */
public final class ShelfwiseSchema {

    static final String HISTORY_TABLE = "SW_SCHEMA_HISTORY";

    private ShelfwiseSchema() {
    }

    /**
     * Brings the schema to the newest version.
     *
     * @return the number of migrations applied (0 when up to date)
     * @throws IllegalStateException if the database is not one of those supported, or a migration fails
     */
    public static int migrate(DataSource dataSource) {
        String dialect = dialectOf(dataSource);
        MigrateResult result = Flyway.configure(ShelfwiseSchema.class.getClassLoader())
                .dataSource(dataSource)
                .locations("classpath:db/shelfwise/" + dialect)
                .table(HISTORY_TABLE)
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .load()
                .migrate();
        return result.migrationsExecuted;
    }

    /** The migrations folder for the database behind the data source. */
    static String dialectOf(DataSource dataSource) {
        String product;
        try (Connection connection = dataSource.getConnection()) {
            product = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot reach the database to set up Shelfwise's tables: " + e.getMessage(), e);
        }
        if (product.contains("hsql")) {
            return "hsqldb";
        }
        if (product.contains("postgres")) {
            return "postgresql";
        }
        if (product.contains("mysql") || product.contains("mariadb")) {
            return "mysql";
        }
        throw new IllegalStateException("Shelfwise's event store supports HSQLDB, PostgreSQL and MySQL, not " + product);
    }
}
