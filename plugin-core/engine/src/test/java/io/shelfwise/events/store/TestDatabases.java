package io.shelfwise.events.store;

import org.apache.commons.dbcp.BasicDataSource;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Real databases for the event-store tests: a fresh in-memory HSQLDB each time, and PostgreSQL when
 * {@code SHELFWISE_PG_URL} (plus {@code SHELFWISE_PG_USER}, {@code SHELFWISE_PG_PASSWORD}) names a server, as CI
 * does after starting one (scripts/postgres.sh).
 */
public final class TestDatabases {

    private TestDatabases() {
    }

    /** A new, empty in-memory HSQLDB. */
    public static DataSource hsqldb() {
        BasicDataSource ds = new BasicDataSource();
        ds.setDriverClassName("org.hsqldb.jdbc.JDBCDriver");
        ds.setUrl("jdbc:hsqldb:mem:sw" + UUID.randomUUID().toString().replace("-", "") + ";shutdown=true");
        ds.setUsername("SA");
        ds.setPassword("");
        return ds;
    }

    /** PostgreSQL with an empty schema of its own, or {@code null} when no server is configured. */
    public static DataSource postgresOrNull() {
        String url = System.getenv("SHELFWISE_PG_URL");
        if (url == null || url.isEmpty()) {
            return null;
        }
        String schema = "sw_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        BasicDataSource admin = postgres(url);
        try (java.sql.Connection c = admin.getConnection(); java.sql.Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + schema);
            admin.close();
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("SHELFWISE_PG_URL is set but PostgreSQL refused: " + e.getMessage(), e);
        }
        BasicDataSource ds = postgres(url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema);
        return ds;
    }

    private static BasicDataSource postgres(String url) {
        BasicDataSource ds = new BasicDataSource();
        ds.setDriverClassName("org.postgresql.Driver");
        ds.setUrl(url);
        ds.setUsername(System.getenv().getOrDefault("SHELFWISE_PG_USER", "shelfwise"));
        ds.setPassword(System.getenv().getOrDefault("SHELFWISE_PG_PASSWORD", "shelfwise"));
        return ds;
    }

    /** The databases to run the store's tests on: HSQLDB always, PostgreSQL when configured. */
    public static List<String> all() {
        List<String> databases = new ArrayList<>();
        databases.add("hsqldb");
        if (System.getenv("SHELFWISE_PG_URL") != null && !System.getenv("SHELFWISE_PG_URL").isEmpty()) {
            databases.add("postgresql");
        }
        return databases;
    }

    /** A fresh database of the kind {@link #all()} names. */
    public static DataSource named(String name) {
        return "postgresql".equals(name) ? postgresOrNull() : hsqldb();
    }
}
