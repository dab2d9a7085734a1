package io.shelfwise.recommend.onnx;

import com.oracle.labs.mlrg.olcut.provenance.ObjectProvenance;
import com.oracle.labs.mlrg.olcut.provenance.Provenance;
import com.oracle.labs.mlrg.olcut.provenance.primitives.DateTimeProvenance;
import com.oracle.labs.mlrg.olcut.provenance.primitives.StringProvenance;
import com.oracle.labs.mlrg.olcut.util.Pair;
import org.tribuo.provenance.DataSourceProvenance;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Where a recommender's training histories came from, as Tribuo data-source provenance: a description (the
 * event store and its window, or a file), when the histories were read, and a hash of what was read. Public with
 * a map constructor because Tribuo's provenance unmarshalling creates it reflectively.
 */
public final class InteractionSourceProvenance implements DataSourceProvenance {

    private static final long serialVersionUID = 1L;
    private static final String DESCRIPTION = "description";

    private final StringProvenance description;
    private final DateTimeProvenance creationTime;
    private final StringProvenance resourceHash;

    public InteractionSourceProvenance(String description, OffsetDateTime readAt, String contentHash) {
        this.description = new StringProvenance(DESCRIPTION, description);
        this.creationTime = new DateTimeProvenance(DATASOURCE_CREATION_TIME, readAt);
        this.resourceHash = new StringProvenance(RESOURCE_HASH, contentHash);
    }

    /** Used by Tribuo's provenance unmarshalling. */
    public InteractionSourceProvenance(Map<String, Provenance> map) {
        this.description = ObjectProvenance.checkAndExtractProvenance(map, DESCRIPTION, StringProvenance.class,
                InteractionSourceProvenance.class.getSimpleName());
        this.creationTime = ObjectProvenance.checkAndExtractProvenance(map, DATASOURCE_CREATION_TIME,
                DateTimeProvenance.class, InteractionSourceProvenance.class.getSimpleName());
        this.resourceHash = ObjectProvenance.checkAndExtractProvenance(map, RESOURCE_HASH, StringProvenance.class,
                InteractionSourceProvenance.class.getSimpleName());
    }

    public String description() {
        return description.getValue();
    }

    @Override
    public String getClassName() {
        return InteractionSourceProvenance.class.getName();
    }

    @Override
    public Iterator<Pair<String, Provenance>> iterator() {
        List<Pair<String, Provenance>> list = new ArrayList<>();
        list.add(new Pair<>(CLASS_NAME, new StringProvenance(CLASS_NAME, getClassName())));
        list.add(new Pair<>(DESCRIPTION, description));
        list.add(new Pair<>(DATASOURCE_CREATION_TIME, creationTime));
        list.add(new Pair<>(RESOURCE_HASH, resourceHash));
        return list.iterator();
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof InteractionSourceProvenance)) {
            return false;
        }
        InteractionSourceProvenance other = (InteractionSourceProvenance) o;
        return description.equals(other.description) && creationTime.equals(other.creationTime)
                && resourceHash.equals(other.resourceHash);
    }

    @Override
    public int hashCode() {
        return Objects.hash(description, creationTime, resourceHash);
    }

    @Override
    public String toString() {
        return generateString("InteractionSource");
    }
}
