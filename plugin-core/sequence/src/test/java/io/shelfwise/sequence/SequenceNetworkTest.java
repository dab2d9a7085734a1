package io.shelfwise.sequence;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The gradient of a scaled tensor survives the garbage collector running between the forward and backward pass. */
class SequenceNetworkTest {

    @Test
    void scaledKeepsItsFactorUntilBackward() throws InterruptedException {
        TorchRuntime.load(1);
        try (NDManager manager = NDManager.newBaseManager(TorchRuntime.ENGINE)) {
            NDArray x = manager.ones(new Shape(8, 16));
            x.setRequiresGradient(true);
            try (GradientCollector collector = Engine.getEngine(TorchRuntime.ENGINE).newGradientCollector()) {
                NDArray y = SequenceNetwork.scaled(x, 8.0).sum();
                reclaimAndOverwriteDirectMemory();
                collector.backward(y);
            }
            assertThat(x.getGradient().toFloatArray()).containsOnly(8f);
        }
    }

    /** Lets the collector free unreachable direct buffers, then fills fresh ones so freed memory is reused. */
    private static void reclaimAndOverwriteDirectMemory() throws InterruptedException {
        List<ByteBuffer> filler = new ArrayList<>();
        for (int round = 0; round < 3; round++) {
            System.gc();
            Thread.sleep(20);
            for (int i = 0; i < 64; i++) {
                ByteBuffer buffer = ByteBuffer.allocateDirect(64);
                while (buffer.hasRemaining()) {
                    buffer.put((byte) 0x7f);
                }
                filler.add(buffer);
            }
        }
        assertThat(filler).isNotEmpty();
    }
}
