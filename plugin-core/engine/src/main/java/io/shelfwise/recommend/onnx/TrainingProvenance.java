package io.shelfwise.recommend.onnx;

import com.oracle.labs.mlrg.olcut.provenance.Provenance;
import com.oracle.labs.mlrg.olcut.provenance.primitives.IntProvenance;
import com.oracle.labs.mlrg.olcut.provenance.primitives.StringProvenance;
import io.shelfwise.ShelfwiseVersion;
import io.shelfwise.recommend.algo.NeighbourModel;
import io.shelfwise.recommend.data.InteractionData;
import io.shelfwise.recommend.sequence.SequenceModel;
import org.tribuo.provenance.ModelProvenance;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.Map;

/**
 * Builds the Tribuo {@link ModelProvenance} every recommender artifact carries: the data (where from, when read,
 * a content hash, shoppers/items/interactions), the trainer (class and settings) and the Shelfwise version.
 */
public final class TrainingProvenance {

    private TrainingProvenance() {
    }

    /**
     * @param source   what the histories were read from, e.g. "event store 2026-10-01..2026-11-01" or a file name
     * @param trainer  the trainer's class
     * @param settings its settings, as numbers, booleans or strings
     */
    public static ModelProvenance of(NeighbourModel model, InteractionData data, String source, Class<?> trainer,
                                     Map<String, ?> settings, Clock clock) {
        Map<String, Provenance> instance = new HashMap<>();
        instance.put("max-neighbours", new IntProvenance("max-neighbours", model.maxNeighbours()));
        return of(NeighbourModel.class, model.strategy(), instance, data, source, trainer, settings, clock);
    }

    /** The same for a sequential model, whose settings are the trainer's. */
    public static ModelProvenance of(SequenceModel model, InteractionData data, String source, Class<?> trainer,
                                     Clock clock) {
        Map<String, Provenance> instance = new HashMap<>();
        instance.put("architecture", new StringProvenance("architecture",
                model.settings().architecture().modelName()));
        return of(SequenceModel.class, model.name(), instance, data, source, trainer, model.settings().asMap(),
                clock);
    }

    private static ModelProvenance of(Class<?> modelClass, String strategy, Map<String, Provenance> instance,
                                      InteractionData data, String source, Class<?> trainer, Map<String, ?> settings,
                                      Clock clock) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        InteractionSourceProvenance sourceProvenance = new InteractionSourceProvenance(source, now, hash(data));
        InteractionDatasetProvenance dataset = new InteractionDatasetProvenance(sourceProvenance, data.numUsers(),
                data.numItems(), data.size());
        instance.put("strategy", new StringProvenance("strategy", strategy));
        instance.put("shelfwise-version", new StringProvenance("shelfwise-version",
                ShelfwiseVersion.current().version()));
        return new ModelProvenance(modelClass.getName(), now, dataset,
                RecommenderTrainerProvenance.of(trainer, settings), instance);
    }

    /** SHA-256 over the histories and catalogue, so two models trained on the same data say so. */
    static String hash(InteractionData data) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (String item : data.itemIds()) {
                digest.update(item.getBytes(StandardCharsets.UTF_8));
                digest.update((byte) '\n');
            }
            byte[] buffer = new byte[4];
            for (int u = 0; u < data.numUsers(); u++) {
                for (int item : data.sequence(u)) {
                    buffer[0] = (byte) (item >>> 24);
                    buffer[1] = (byte) (item >>> 16);
                    buffer[2] = (byte) (item >>> 8);
                    buffer[3] = (byte) item;
                    digest.update(buffer);
                }
                digest.update((byte) 0xff);
            }
            StringBuilder hex = new StringBuilder();
            for (byte b : digest.digest()) {
                hex.append(String.format("%02x", b));
            }
            return hex.toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
