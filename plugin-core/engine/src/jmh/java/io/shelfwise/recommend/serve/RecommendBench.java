package io.shelfwise.recommend.serve;

import io.shelfwise.recommend.algo.NeighbourModel;
import io.shelfwise.recommend.data.InteractionData;
import io.shelfwise.recommend.onnx.NeighbourGraph;
import io.shelfwise.recommend.onnx.OnnxNeighbourModel;
import io.shelfwise.recommend.onnx.TrainingProvenance;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.util.Statistics;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;

/**
 * {@code ./shelfwise bench recommend [--items 50000] [--neighbours 200] [--quick] --out bench.json}: runs
 * {@link RecommendBenchmark} with JMH and writes p50/p99 latencies in microseconds, the ratio of each to the
 * plain-Java scorer measured in the same run, and the serving footprint (ONNX artifact and resident memory per
 * 10k items).
 */
public final class RecommendBench {

    public static void main(String[] args) throws Exception {
        int items = 50_000;
        int neighbours = 200;
        boolean quick = false;
        String out = "bench.json";
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--items":
                    items = Integer.parseInt(args[++i]);
                    break;
                case "--neighbours":
                    neighbours = Integer.parseInt(args[++i]);
                    break;
                case "--quick":
                    quick = true;
                    break;
                case "--out":
                    out = args[++i];
                    break;
                default:
                    System.err.println("bench recommend: unknown option " + args[i]
                            + "; usage: [--items N] [--neighbours M] [--quick] [--out bench.json]");
                    System.exit(2);
            }
        }
        if (items < 100) {
            System.err.println("bench recommend: --items must be at least 100");
            System.exit(2);
        }
        Map<String, Object> footprint = footprint(items, neighbours);

        ChainedOptionsBuilder options = new OptionsBuilder()
                .include(RecommendBenchmark.class.getName() + ".")
                .param("items", Integer.toString(items))
                .param("neighbours", Integer.toString(neighbours));
        if (quick) {
            options.warmupIterations(1).warmupTime(TimeValue.seconds(1)).measurementIterations(2)
                    .measurementTime(TimeValue.seconds(2));
        }
        Collection<RunResult> results = new Runner(options.build()).run();

        Map<String, Map<String, Object>> latencies = new LinkedHashMap<>();
        for (RunResult result : results) {
            String name = result.getParams().getBenchmark();
            name = name.substring(name.lastIndexOf('.') + 1);
            Statistics stats = result.getPrimaryResult().getStatistics();
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("p50", round(stats.getPercentile(50)));
            entry.put("p99", round(stats.getPercentile(99)));
            entry.put("p999", round(stats.getPercentile(99.9)));
            entry.put("mean", round(stats.getMean()));
            entry.put("samples", stats.getN());
            latencies.put(name, entry);
        }
        Map<String, Object> baseline = latencies.get("plainJavaScorer");
        if (baseline != null) {
            for (Map.Entry<String, Map<String, Object>> e : latencies.entrySet()) {
                e.getValue().put("p50VsPlainJava", ratio((Double) e.getValue().get("p50"), (Double) baseline.get("p50")));
                e.getValue().put("p99VsPlainJava", ratio((Double) e.getValue().get("p99"), (Double) baseline.get("p99")));
            }
        }
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("items", items);
        report.put("neighbours", neighbours);
        report.put("history", RecommendBenchmark.HISTORY);
        report.put("top", RecommendBenchmark.TOP);
        report.put("unit", "microseconds");
        report.put("machine", machine());
        report.put("uncached", latencies.get("recommendUncached"));
        report.put("cached", latencies.get("recommendCached"));
        report.put("plainJava", baseline);
        report.put("footprint", footprint);
        File file = Paths.get(out).toAbsolutePath().toFile();
        if (file.getParentFile() != null) {
            Files.createDirectories(file.getParentFile().toPath());
        }
        JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build().writeValue(file, report);
        System.out.printf("%nrecommend() at %d items, history %d, top %d (microseconds)%n", items,
                RecommendBenchmark.HISTORY, RecommendBenchmark.TOP);
        for (Map.Entry<String, Map<String, Object>> e : latencies.entrySet()) {
            System.out.printf("  %-18s p50 %8.1f  p99 %8.1f%n", e.getKey(), e.getValue().get("p50"),
                    e.getValue().get("p99"));
        }
        System.out.println("Footprint: " + footprint);
        System.out.println("Report: " + file);
    }

    /** Artifact size and the resident memory one loaded model adds, measured in this process. */
    private static Map<String, Object> footprint(int items, int neighbours) throws Exception {
        NeighbourModel model = RecommendBenchmark.syntheticModel(items, neighbours, new Random(42));
        InteractionData data = InteractionData.of(new int[][] {{0}}, Collections.singletonList("u"), model.itemIds());
        byte[] onnx = NeighbourGraph.export(model, TrainingProvenance.of(model, data, "synthetic",
                NeighbourModel.class, Collections.singletonMap("neighbours", neighbours),
                java.time.Clock.systemUTC())).toByteArray();
        model = null;
        settle();
        long rssBefore = residentBytes();
        long heapBefore = usedHeap();
        OnnxNeighbourModel loaded = OnnxNeighbourModel.load(onnx);
        settle();
        long rssAfter = residentBytes();
        long heapAfter = usedHeap();
        Map<String, Object> footprint = new LinkedHashMap<>();
        footprint.put("artifactBytes", onnx.length);
        footprint.put("residentBytesAdded", rssAfter - rssBefore);
        footprint.put("heapBytesAdded", heapAfter - heapBefore);
        double per10k = 10_000.0 / items;
        footprint.put("artifactBytesPer10kItems", Math.round(onnx.length * per10k));
        footprint.put("residentBytesPer10kItems", Math.round((rssAfter - rssBefore) * per10k));
        footprint.put("note", "resident = native ONNX Runtime session + Java item index, read from /proc/self/status"
                + " after GC; the artifact bytes are released after loading");
        loaded.close();
        return footprint;
    }

    private static void settle() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(200);
        }
    }

    private static long usedHeap() {
        Runtime r = Runtime.getRuntime();
        return r.totalMemory() - r.freeMemory();
    }

    private static long residentBytes() throws Exception {
        for (String line : Files.readAllLines(Paths.get("/proc/self/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
            }
        }
        return -1;
    }

    private static Map<String, Object> machine() {
        Map<String, Object> machine = new LinkedHashMap<>();
        machine.put("cores", Runtime.getRuntime().availableProcessors());
        machine.put("jvm", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
        machine.put("os", System.getProperty("os.name") + " " + System.getProperty("os.arch"));
        machine.put("note", "shared machine; compare ratios against plainJava from the same run");
        return machine;
    }

    private static double ratio(double value, double baseline) {
        return Math.round(value / baseline * 10_000) / 10_000.0;
    }

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }
}
