package io.shelfwise.admin;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Puts the "Recommendations" module into Broadleaf's admin tables (menu, sections, permissions, roles) the first
 * time the admin starts with the plugin: Broadleaf reads its menu and permissions from BLC_ADMIN_* rows, and its
 * own import files run only when a schema is created, so a store that adds the plugin later would otherwise never
 * get them. The rows are those of {@value #SCRIPT}; nothing happens when the module row is there already, and the
 * script runs in one transaction: either every row is added or none.
 */
public final class AdminMenuRows {

    private static final Logger LOG = LoggerFactory.getLogger(AdminMenuRows.class);
    /** The statements, one INSERT per line, on the class path. */
    public static final String SCRIPT = "config/shelfwise/sql/load_shelfwise_admin_security.sql";
    /** The module's key in BLC_ADMIN_MODULE. */
    public static final String MODULE_KEY = "ShelfwiseRecommendations";

    private final DataSource dataSource;

    public AdminMenuRows(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Adds the rows if the module is missing.
     *
     * @return whether rows were added
     * @throws IllegalStateException if Broadleaf's admin tables are missing or refuse the rows (nothing is added)
     */
    public boolean install() {
        List<String> statements = statements();
        try (Connection connection = dataSource.getConnection()) {
            if (installed(connection)) {
                return false;
            }
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                for (String sql : statements) {
                    statement.executeUpdate(sql);
                }
                connection.commit();
            } catch (SQLException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(autoCommit);
            }
            LOG.info("Shelfwise: added the Recommendations module to the admin console ({} rows)", statements.size());
            return true;
        } catch (SQLException e) {
            throw new IllegalStateException("Shelfwise could not add its admin menu and permissions (" + SCRIPT
                    + ") to Broadleaf's BLC_ADMIN_* tables; is this the admin's database? " + e.getMessage(), e);
        }
    }

    private static boolean installed(Connection connection) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT COUNT(*) FROM BLC_ADMIN_MODULE WHERE MODULE_KEY = ?")) {
            query.setString(1, MODULE_KEY);
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getInt(1) > 0;
            }
        }
    }

    /** The script's statements, without comments and trailing semicolons. */
    static List<String> statements() {
        InputStream in = AdminMenuRows.class.getClassLoader().getResourceAsStream(SCRIPT);
        if (in == null) {
            throw new IllegalStateException("Shelfwise's admin script " + SCRIPT + " is not on the class path");
        }
        List<String> out = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                String sql = line.trim();
                if (sql.isEmpty() || sql.startsWith("--")) {
                    continue;
                }
                if (sql.endsWith(";")) {
                    sql = sql.substring(0, sql.length() - 1);
                }
                out.add(sql);
            }
        } catch (IOException e) {
            throw new IllegalStateException("Shelfwise could not read " + SCRIPT, e);
        }
        return Collections.unmodifiableList(out);
    }
}
