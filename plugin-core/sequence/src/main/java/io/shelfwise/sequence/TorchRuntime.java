package io.shelfwise.sequence;

import ai.djl.engine.Engine;
import ai.djl.pytorch.jni.JniUtils;

/**
 * Loads DJL's PyTorch engine for training, offline: the native library must come from the
 * {@code pytorch-native-cpu} jar on the class path and nothing is ever downloaded. Only training touches this
 * class, so a store that serves sequence models without training them never loads PyTorch.
 */
final class TorchRuntime {

    static final String ENGINE = "PyTorch";

    private TorchRuntime() {
    }

    /**
     * Makes sure the engine is loaded and trains on {@code threads} intra-op threads.
     *
     * @throws IllegalStateException if DJL or the PyTorch native library is not on the class path
     */
    static synchronized void load(int threads) {
        // read by DJL when the engine first loads; set before anything touches it
        System.setProperty("ai.djl.offline", "true");
        setIfAbsent("ai.djl.pytorch.num_interop_threads", "1");
        setIfAbsent("ai.djl.pytorch.num_threads", Integer.toString(threads));
        try {
            Engine.getEngine(ENGINE);
            JniUtils.setNumThreads(threads);
        } catch (RuntimeException | LinkageError e) {
            throw new IllegalStateException("Neural sequence training needs DJL's PyTorch engine and its native "
                    + "library on the class path (ai.djl.pytorch:pytorch-engine, pytorch-jni and pytorch-native-cpu "
                    + "with classifier linux-x86_64; see docs/sequential-models.md): " + e, e);
        }
    }

    private static void setIfAbsent(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }
}
