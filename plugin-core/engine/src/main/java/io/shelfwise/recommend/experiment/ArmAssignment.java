package io.shelfwise.recommend.experiment;

import io.shelfwise.events.ShopperKey;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Which arm a shopper is in: a bucket 0..99 from a hash of the experiment id and the shopper key's text, and the
 * arm whose cumulative percents cover that bucket (arms 50/30/20 take buckets 0-49, 50-79, 80-99). The hash is
 * 64-bit FNV-1a over the UTF-8 bytes, finished with a 64-bit mix so that nearby keys spread evenly: the same on
 * every node, JVM and restart, and independent between experiments (a shopper in B of one test is not more
 * likely to be in B of the next). Stateless.
 */
public final class ArmAssignment {

    private static final long FNV_OFFSET = 0xcbf29ce484222325L;
    private static final long FNV_PRIME = 0x100000001b3L;

    private ArmAssignment() {
    }

    /** The shopper's bucket in the experiment, 0..99. */
    public static int bucket(long experimentId, String shopperKey) {
        long hash = FNV_OFFSET;
        hash = mixIn(hash, Long.toString(experimentId).getBytes(StandardCharsets.UTF_8));
        hash = mixIn(hash, new byte[] {'/'});
        hash = mixIn(hash, shopperKey.getBytes(StandardCharsets.UTF_8));
        return (int) Long.remainderUnsigned(finish(hash), 100);
    }

    /** The arm the shopper is served in {@code experiment}. */
    public static Arm arm(Experiment experiment, ShopperKey shopper) {
        return arm(experiment.arms(), bucket(experiment.id(), shopper.toString()));
    }

    /** The arm covering {@code bucket} (0..99) when arms split 100 buckets by their percents in order. */
    static Arm arm(List<Arm> arms, int bucket) {
        int upTo = 0;
        for (Arm arm : arms) {
            upTo += arm.percent();
            if (bucket < upTo) {
                return arm;
            }
        }
        // percents add up to 100 (checked when the experiment was created); a rounding-free fallback all the same
        return arms.get(arms.size() - 1);
    }

    private static long mixIn(long hash, byte[] bytes) {
        for (byte b : bytes) {
            hash ^= b & 0xff;
            hash *= FNV_PRIME;
        }
        return hash;
    }

    /** A 64-bit finaliser (xor-shift-multiply), so every bit of the key affects the low digits taken mod 100. */
    private static long finish(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
