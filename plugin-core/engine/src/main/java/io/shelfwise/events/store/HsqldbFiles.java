package io.shelfwise.events.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The files of a file-based HSQLDB database ({@code jdbc:hsqldb:file:PATH;...}), which HSQLDB 2.3 does not report
 * failing to write: {@code PATH.script} (schema and MEMORY tables, rewritten by every checkpoint), {@code PATH.log}
 * (every statement since, appended and synced at each commit unless there is a write delay) and {@code PATH.data}
 * (CACHED tables). Immutable; reads the file system on each call.
 */
final class HsqldbFiles {

    /** Fewer bytes than any logged row takes ({@code INSERT INTO SW_EVENT VALUES(...)}). */
    private static final int MIN_LOGGED_ROW_BYTES = 32;
    /** Room kept free beyond what a checkpoint rewrites: the properties file, backups, the file system's own. */
    private static final long CHECKPOINT_MARGIN_BYTES = 1024 * 1024;
    /** How HSQLDB logs a row of the event table; the event id is its first column. */
    private static final String EVENT_INSERT = "INSERT INTO SW_EVENT VALUES(";
    /** A commit in the log, maybe after the session marker HSQLDB writes when the session changes. */
    private static final Pattern COMMIT_LINE = Pattern.compile("^(/\\*C\\d+\\*/)?COMMIT\\r?$", Pattern.MULTILINE);

    private final Path script;
    private final Path log;
    private final boolean logsEachCommit;

    private HsqldbFiles(Path script, Path log, boolean logsEachCommit) {
        this.script = script;
        this.log = log;
        this.logsEachCommit = logsEachCommit;
    }

    /**
     * The files of the database behind {@code connection}, or {@code null} when it is not a file HSQLDB (another
     * database, HSQLDB in memory or on a server).
     */
    static HsqldbFiles of(Connection connection) throws SQLException {
        DatabaseMetaData meta = connection.getMetaData();
        if (!meta.getDatabaseProductName().toLowerCase(Locale.ROOT).contains("hsql")) {
            return null;
        }
        Path base = basePath(meta.getURL());
        if (base == null) {
            return null;
        }
        boolean logsData = true;
        long writeDelayMillis = -1;
        try (PreparedStatement select = connection.prepareStatement("SELECT PROPERTY_NAME, PROPERTY_VALUE FROM "
                + "INFORMATION_SCHEMA.SYSTEM_PROPERTIES WHERE PROPERTY_NAME IN ('hsqldb.log_data', "
                + "'hsqldb.write_delay_millis')");
             ResultSet rs = select.executeQuery()) {
            while (rs.next()) {
                if ("hsqldb.log_data".equals(rs.getString(1))) {
                    logsData = Boolean.parseBoolean(rs.getString(2));
                } else {
                    writeDelayMillis = Long.parseLong(rs.getString(2).trim());
                }
            }
        } catch (NumberFormatException e) {
            writeDelayMillis = -1;
        }
        return new HsqldbFiles(Paths.get(base + ".script"), Paths.get(base + ".log"),
                logsData && writeDelayMillis == 0);
    }

    /** {@code PATH} of a {@code jdbc:hsqldb:file:PATH;...} URL, or {@code null} for other URLs. */
    static Path basePath(String url) {
        String prefix = "jdbc:hsqldb:file:";
        if (url == null || !url.toLowerCase(Locale.ROOT).startsWith(prefix)) {
            return null;
        }
        String path = url.substring(prefix.length());
        int properties = path.indexOf(';');
        if (properties >= 0) {
            path = path.substring(0, properties);
        }
        if (path.startsWith("~")) {
            path = System.getProperty("user.home") + path.substring(1);
        }
        return path.isEmpty() ? null : Paths.get(path);
    }

    /** True for a database served by an HSQLDB server ({@code hsql://}, {@code hsqls://}, {@code http://}). */
    static boolean isServer(String url) {
        String lower = url == null ? "" : url.toLowerCase(Locale.ROOT);
        return lower.startsWith("jdbc:hsqldb:hsql") || lower.startsWith("jdbc:hsqldb:http");
    }

    Path script() {
        return script;
    }

    Path log() {
        return log;
    }

    /** What to compare after a commit: the log's size and the script's version now. */
    Mark mark() {
        return new Mark(size(log), version(script));
    }

    /**
     * Whether a commit of {@code rows} rows since {@code before} reached the files: a checkpoint wrote the script anew
     * meanwhile, or the log grew by at least that many rows and holds, complete, the line inserting the batch's last
     * event ({@code lastId}) and a {@code COMMIT} after it. A disk that fills during the commit leaves a log that grew
     * but ends part-way through the batch: a restart drops that transaction, so it is not logged. With
     * {@code lastId < 0} (ids unknown) only the growth is checked. Always true when HSQLDB does not write its log at
     * each commit (a write delay, or {@code hsqldb.log_data=false}): there is nothing to check then.
     */
    boolean logged(Mark before, int rows, long lastId) {
        if (!logsEachCommit || rows == 0 || !Objects.equals(before.scriptVersion, version(script))) {
            return true;
        }
        long size = size(log);
        if (size < before.logSize + (long) rows * MIN_LOGGED_ROW_BYTES) {
            return false;
        }
        if (lastId < 0) {
            return true;
        }
        String written;
        try {
            written = tail(log, before.logSize, size);
        } catch (IOException e) {
            return false;
        }
        int insert = written.indexOf(EVENT_INSERT + lastId + ",");
        int lineEnd = insert < 0 ? -1 : written.indexOf('\n', insert);
        return lineEnd >= 0 && COMMIT_LINE.matcher(written).find(lineEnd);
    }

    /** The log's bytes from {@code from} to {@code to}; the log is ASCII but for text values, never searched. */
    private static String tail(Path file, long from, long to) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer bytes = ByteBuffer.allocate((int) Math.min(Integer.MAX_VALUE - 8, to - from));
            while (bytes.hasRemaining() && channel.read(bytes, from + bytes.position()) > 0) {
                // reads until the end the size said, or the end of the file
            }
            return new String(bytes.array(), 0, bytes.position(), StandardCharsets.ISO_8859_1);
        }
    }

    /**
     * What identifies this version of the script: its file key (inode; a checkpoint renames a new file into place),
     * modification time and size, or {@code null} when it does not exist.
     */
    Object scriptVersion() {
        return version(script);
    }

    private static Object version(Path file) {
        try {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
            return Arrays.asList(attributes.fileKey(), attributes.lastModifiedTime(), attributes.size());
        } catch (IOException e) {
            return null;
        }
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (NoSuchFileException e) {
            return 0;
        } catch (IOException e) {
            return -1;
        }
    }

    /**
     * Fails unless the disk has room for a checkpoint: twice what the script and the log hold now (a new script is
     * written beside the old one, and the log's rows move into the data file), and a megabyte more.
     *
     * @throws SQLException naming the room there is and the room needed
     */
    void checkRoomForCheckpoint() throws SQLException {
        long needed = 2 * (Math.max(0, size(script)) + Math.max(0, size(log))) + CHECKPOINT_MARGIN_BYTES;
        long usable;
        try {
            usable = Files.getFileStore(log.toAbsolutePath().getParent()).getUsableSpace();
        } catch (IOException e) {
            throw new SQLException("Cannot tell how much room the disk of " + log + " has: " + e.getMessage(), e);
        }
        if (usable < needed) {
            throw new SQLException("HSQLDB's disk has " + usable / 1024 + " KB free, and securing what it holds "
                    + "(a checkpoint) needs about " + needed / 1024 + " KB: is its disk full?");
        }
    }

    /** The files' state before a commit. */
    static final class Mark {
        final long logSize;
        final Object scriptVersion;

        Mark(long logSize, Object scriptVersion) {
            this.logSize = logSize;
            this.scriptVersion = scriptVersion;
        }
    }
}
