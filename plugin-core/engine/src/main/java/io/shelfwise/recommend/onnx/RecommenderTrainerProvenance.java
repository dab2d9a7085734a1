package io.shelfwise.recommend.onnx;

import com.oracle.labs.mlrg.olcut.provenance.Provenance;
import com.oracle.labs.mlrg.olcut.provenance.primitives.BooleanProvenance;
import com.oracle.labs.mlrg.olcut.provenance.primitives.DoubleProvenance;
import com.oracle.labs.mlrg.olcut.provenance.primitives.IntProvenance;
import com.oracle.labs.mlrg.olcut.provenance.primitives.LongProvenance;
import com.oracle.labs.mlrg.olcut.provenance.primitives.StringProvenance;
import org.tribuo.Tribuo;
import org.tribuo.provenance.SkeletalTrainerProvenance;
import org.tribuo.provenance.TrainerProvenance;

import java.util.HashMap;
import java.util.Map;

/**
 * A recommender trainer's class and settings as Tribuo trainer provenance, so every exported model records how it
 * was trained the way Tribuo's own models do. Public with a map constructor for Tribuo's unmarshalling.
 */
public final class RecommenderTrainerProvenance extends SkeletalTrainerProvenance {

    private static final long serialVersionUID = 1L;

    /** Used by Tribuo's provenance unmarshalling. */
    public RecommenderTrainerProvenance(Map<String, Provenance> map) {
        super(map);
    }

    /** Provenance of a trainer of class {@code trainerClass} run once with {@code settings}. */
    static RecommenderTrainerProvenance of(Class<?> trainerClass, Map<String, ?> settings) {
        Map<String, Provenance> map = new HashMap<>();
        map.put(CLASS_NAME, new StringProvenance(CLASS_NAME, trainerClass.getName()));
        map.put(HOST_SHORT_NAME, new StringProvenance(HOST_SHORT_NAME, "Trainer"));
        map.put(TrainerProvenance.TRAIN_INVOCATION_COUNT,
                new IntProvenance(TrainerProvenance.TRAIN_INVOCATION_COUNT, 1));
        map.put(TrainerProvenance.IS_SEQUENCE, new BooleanProvenance(TrainerProvenance.IS_SEQUENCE, true));
        map.put(TrainerProvenance.TRIBUO_VERSION_STRING,
                new StringProvenance(TrainerProvenance.TRIBUO_VERSION_STRING, Tribuo.VERSION));
        for (Map.Entry<String, ?> setting : settings.entrySet()) {
            map.put(setting.getKey(), primitive(setting.getKey(), setting.getValue()));
        }
        return new RecommenderTrainerProvenance(map);
    }

    private static Provenance primitive(String key, Object value) {
        if (value instanceof Integer) {
            return new IntProvenance(key, (Integer) value);
        }
        if (value instanceof Long) {
            return new LongProvenance(key, (Long) value);
        }
        if (value instanceof Number) {
            return new DoubleProvenance(key, ((Number) value).doubleValue());
        }
        if (value instanceof Boolean) {
            return new BooleanProvenance(key, (Boolean) value);
        }
        return new StringProvenance(key, String.valueOf(value));
    }
}
