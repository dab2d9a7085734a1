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
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Puts the "Recommendations" module into Broadleaf's admin tables (menu, sections, permissions, roles): Broadleaf
 * reads its menu and permissions from BLC_ADMIN_* rows, and its own import files run only when a schema is
 * created, so a store that adds the plugin later would otherwise never get them.
 * <p>
 * The rows are those of {@value #SCRIPT}, applied at every start, adding only what is missing: a row of a table
 * with an id of its own (module, section, permission, permission entity, role) when that id is not there yet, and
 * a cross-reference when one of its two rows was added in the same run. Existing rows are never changed, so what an
 * admin changed (a role's permissions, say) stays as they left it, while the sections of a newer plugin version
 * appear. One transaction: either every missing row is added or none.
 */
public final class AdminMenuRows {

    private static final Logger LOG = LoggerFactory.getLogger(AdminMenuRows.class);
    /** The statements, one INSERT per line, on the class path. */
    public static final String SCRIPT = "config/shelfwise/sql/load_shelfwise_admin_security.sql";
    private static final Pattern INSERT = Pattern.compile(
            "INSERT INTO (\\w+) \\(([^)]*)\\) VALUES \\((.*)\\)", Pattern.CASE_INSENSITIVE);

    private final DataSource dataSource;

    public AdminMenuRows(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Adds the missing rows.
     *
     * @return how many rows were added
     * @throws IllegalStateException if Broadleaf's admin tables are missing or refuse the rows (nothing is added)
     */
    public int install() {
        List<Row> rows = rows();
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            int added = 0;
            try {
                Set<String> addedNow = new HashSet<>();
                for (Row row : rows) {
                    boolean wanted = row.isCrossReference()
                            ? addedNow.contains(row.reference(0)) || addedNow.contains(row.reference(1))
                            : !exists(connection, row);
                    if (wanted) {
                        try (Statement statement = connection.createStatement()) {
                            statement.executeUpdate(row.sql);
                        }
                        if (!row.isCrossReference()) {
                            addedNow.add(row.table + ":" + row.values.get(0));
                        }
                        added++;
                    }
                }
                connection.commit();
            } catch (SQLException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(autoCommit);
            }
            if (added > 0) {
                LOG.info("Shelfwise: added {} rows of the Recommendations module to the admin console's menu and "
                        + "permissions", added);
            }
            return added;
        } catch (SQLException e) {
            throw new IllegalStateException("Shelfwise could not add its admin menu and permissions (" + SCRIPT
                    + ") to Broadleaf's BLC_ADMIN_* tables; is this the admin's database? " + e.getMessage(), e);
        }
    }

    private static boolean exists(Connection connection, Row row) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT COUNT(*) FROM " + row.table + " WHERE " + row.columns.get(0) + " = ?")) {
            query.setLong(1, Long.parseLong(row.values.get(0)));
            try (ResultSet rs = query.executeQuery()) {
                rs.next();
                return rs.getInt(1) > 0;
            }
        }
    }

    /** The script's statements, parsed. */
    static List<Row> rows() {
        InputStream in = AdminMenuRows.class.getClassLoader().getResourceAsStream(SCRIPT);
        if (in == null) {
            throw new IllegalStateException("Shelfwise's admin script " + SCRIPT + " is not on the class path");
        }
        List<Row> out = new ArrayList<>();
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
                Matcher m = INSERT.matcher(sql);
                if (!m.matches()) {
                    throw new IllegalStateException(SCRIPT + ": not a one-line INSERT: " + sql);
                }
                out.add(new Row(sql, m.group(1), split(m.group(2)), split(m.group(3))));
            }
        } catch (IOException e) {
            throw new IllegalStateException("Shelfwise could not read " + SCRIPT, e);
        }
        return Collections.unmodifiableList(out);
    }

    /** Comma-separated items, commas inside quotes kept. */
    private static List<String> split(String list) {
        List<String> items = new ArrayList<>();
        StringBuilder item = new StringBuilder();
        boolean quoted = false;
        for (char c : list.toCharArray()) {
            if (c == '\'') {
                quoted = !quoted;
            }
            if (c == ',' && !quoted) {
                items.add(item.toString().trim());
                item.setLength(0);
            } else {
                item.append(c);
            }
        }
        items.add(item.toString().trim());
        return items;
    }

    /** One INSERT of the script. */
    static final class Row {
        final String sql;
        final String table;
        final List<String> columns;
        final List<String> values;

        Row(String sql, String table, List<String> columns, List<String> values) {
            this.sql = sql;
            this.table = table.toUpperCase(java.util.Locale.ROOT);
            this.columns = columns;
            this.values = values;
        }

        /** A row of a *_XREF table: two ids, no id of its own. */
        boolean isCrossReference() {
            return table.endsWith("_XREF");
        }

        /** The {@code TABLE:id} key of the row the i-th id of a cross-reference names. */
        String reference(int i) {
            return referencedTable(columns.get(i)) + ":" + values.get(i);
        }

        private static String referencedTable(String column) {
            switch (column.toUpperCase(java.util.Locale.ROOT)) {
                case "ADMIN_SECTION_ID":
                    return "BLC_ADMIN_SECTION";
                case "ADMIN_ROLE_ID":
                    return "BLC_ADMIN_ROLE";
                default:
                    // ADMIN_PERMISSION_ID, CHILD_PERMISSION_ID
                    return "BLC_ADMIN_PERMISSION";
            }
        }
    }
}
