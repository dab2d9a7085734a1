package io.shelfwise.recommend.data;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads histories for training and evaluation straight from files, without going through the event store:
 * sequence files ({@code user item item ...}, time order) and timestamped interaction files (RecBole
 * {@code .inter}, or CSV/TSV with a header naming user, item and timestamp columns). Lines that cannot be read
 * are skipped and counted ({@link #rejectedLines()}).
 */
public final class InteractionDataLoader {

    private long rejected;

    /** Lines skipped by the last load. */
    public long rejectedLines() {
        return rejected;
    }

    /** A sequence file: one user a line, items in time order. */
    public InteractionData sequences(Path file) throws IOException {
        rejected = 0;
        Map<String, Integer> items = new LinkedHashMap<>();
        List<String> users = new ArrayList<>();
        List<int[]> sequences = new ArrayList<>();
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            while ((line = in.readLine()) != null) {
                String[] fields = line.trim().split("\\s+");
                if (fields.length < 2 || fields[0].isEmpty()) {
                    if (!line.trim().isEmpty()) {
                        rejected++;
                    }
                    continue;
                }
                int[] sequence = new int[fields.length - 1];
                for (int i = 1; i < fields.length; i++) {
                    sequence[i - 1] = intern(items, fields[i]);
                }
                users.add(fields[0]);
                sequences.add(sequence);
            }
        }
        if (sequences.isEmpty()) {
            throw new IOException(file + " has no histories (expected lines of 'user item item ...')");
        }
        return InteractionData.of(sequences.toArray(new int[0][]), users, new ArrayList<>(items.keySet()));
    }

    /**
     * A timestamped interaction file with a header: RecBole {@code .inter} ({@code user_id:token item_id:token ...
     * timestamp:float}, tab-separated) or CSV/TSV whose header names user, item and timestamp/time columns.
     * Each user's items are ordered by time (ties keep file order).
     */
    public InteractionData interactions(Path file) throws IOException {
        rejected = 0;
        Map<String, Integer> items = new LinkedHashMap<>();
        Map<String, List<long[]>> byUser = new LinkedHashMap<>();
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String header = in.readLine();
            if (header == null) {
                throw new IOException(file + " is empty");
            }
            String separator = header.contains("\t") ? "\t" : ",";
            String[] names = header.split(separator);
            int user = column(names, file, "user");
            int item = column(names, file, "item");
            int time = column(names, file, "timestamp", "time");
            String line;
            long order = 0;
            while ((line = in.readLine()) != null) {
                String[] fields = line.split(separator);
                try {
                    long seconds = (long) Double.parseDouble(fields[time].trim());
                    String u = fields[user].trim();
                    String i = fields[item].trim();
                    if (u.isEmpty() || i.isEmpty()) {
                        throw new IllegalArgumentException("empty id");
                    }
                    byUser.computeIfAbsent(u, k -> new ArrayList<>()).add(new long[] {seconds, order++, intern(items, i)});
                } catch (RuntimeException e) {
                    if (!line.trim().isEmpty()) {
                        rejected++;
                    }
                }
            }
        }
        if (byUser.isEmpty()) {
            throw new IOException(file + " has no interactions");
        }
        int[][] sequences = new int[byUser.size()][];
        long[][] times = new long[byUser.size()][];
        List<String> users = new ArrayList<>(byUser.keySet());
        int u = 0;
        for (List<long[]> rows : byUser.values()) {
            rows.sort((a, b) -> a[0] != b[0] ? Long.compare(a[0], b[0]) : Long.compare(a[1], b[1]));
            sequences[u] = new int[rows.size()];
            times[u] = new long[rows.size()];
            for (int k = 0; k < rows.size(); k++) {
                times[u][k] = rows.get(k)[0];
                sequences[u][k] = (int) rows.get(k)[2];
            }
            u++;
        }
        return new InteractionData(sequences, times, users, new ArrayList<>(items.keySet()));
    }

    private static int column(String[] header, Path file, String... names) throws IOException {
        for (String name : names) {
            for (int i = 0; i < header.length; i++) {
                String column = header[i].trim().toLowerCase(java.util.Locale.ROOT);
                if (column.equals(name) || column.startsWith(name + "_id") || column.startsWith(name + ":")
                        || column.equals(name + "id")) {
                    return i;
                }
            }
        }
        throw new IOException(file + ": no '" + names[0] + "' column in the header " + String.join(",", header));
    }

    private static int intern(Map<String, Integer> ids, String id) {
        Integer known = ids.get(id);
        if (known != null) {
            return known;
        }
        int next = ids.size();
        ids.put(id, next);
        return next;
    }

    static Map<String, Integer> index(List<String> ids) {
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < ids.size(); i++) {
            index.put(ids.get(i), i);
        }
        return index;
    }
}
