package io.shelfwise.recommend.onnx;

import com.oracle.labs.mlrg.olcut.provenance.ListProvenance;
import com.oracle.labs.mlrg.olcut.provenance.ObjectProvenance;
import com.oracle.labs.mlrg.olcut.provenance.Provenance;
import org.tribuo.provenance.DatasetProvenance;

import java.util.Map;

/**
 * The training histories as Tribuo dataset provenance: the source, and as examples, features and outputs the
 * number of shoppers, items and interactions. Public with a map constructor for Tribuo's unmarshalling.
 */
public final class InteractionDatasetProvenance extends DatasetProvenance {

    private static final long serialVersionUID = 1L;

    InteractionDatasetProvenance(InteractionSourceProvenance source, int shoppers, int items, long interactions) {
        super(source, new ListProvenance<ObjectProvenance>(), InteractionDatasetProvenance.class.getName(), false,
                true, shoppers, items, (int) Math.min(Integer.MAX_VALUE, interactions));
    }

    /** Used by Tribuo's provenance unmarshalling. */
    public InteractionDatasetProvenance(Map<String, Provenance> map) {
        super(map);
    }
}
