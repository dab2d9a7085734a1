package io.shelfwise.sequence;

import io.shelfwise.recommend.sequence.SequenceModel;
import io.shelfwise.recommend.sequence.SequenceSettings;
import io.shelfwise.recommend.upload.CraftedModels;
import io.shelfwise.recommend.upload.UploadCheckResult;
import io.shelfwise.recommend.upload.UploadFinding;
import io.shelfwise.recommend.upload.UploadedModelCheck;
import org.junit.jupiter.api.Test;

import java.util.HashSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A sequence graph of our own export, uploaded as a bring-your-own model, passes the upload check, its dry run with
 * exclusions included; rewired to ignore {@code exclude}, it fails.
 */
class UploadedSequenceModelTest {

    @Test
    void aGruOfOurOwnExportPasses() {
        SequenceModel gru = SequenceFixtures.train(SequenceFixtures.tiny(SequenceSettings.gru()));
        byte[] onnx = SequenceFixtures.onnx(gru);

        UploadCheckResult result = UploadedModelCheck.standard()
                .check(onnx, new HashSet<>(SequenceFixtures.itemIds(SequenceFixtures.ITEMS)));

        assertThat(result.errors()).isEmpty();
        assertThat(result.format()).isEqualTo("shelfwise.sequence-graph.v1");
        assertThat(result.itemCount()).isEqualTo(SequenceFixtures.ITEMS);
        // five sample histories, none longer than the model's maximum length of 8
        assertThat(result.findings()).extracting(UploadFinding::message)
                .anyMatch(m -> m.startsWith("Dry run: 5 sample histories") && m.endsWith("each again excluding the "
                        + "items ranked first: none of them returned."));
    }

    @Test
    void theSameGruRewiredToIgnoreExcludeIsRefused() {
        // issue 16: with one random history item excluded, a graph that ignores exclude used to pass
        SequenceModel gru = SequenceFixtures.train(SequenceFixtures.tiny(SequenceSettings.gru()));
        byte[] ignoring = CraftedModels.ignoringExclude(SequenceFixtures.onnx(gru));

        UploadCheckResult result = UploadedModelCheck.standard()
                .check(ignoring, new HashSet<>(SequenceFixtures.itemIds(SequenceFixtures.ITEMS)));

        assertThat(result.passed()).isFalse();
        assertThat(result.errors()).extracting(UploadFinding::message).singleElement().asString()
                .contains("excluding the").contains("ranked first or in the history: excluded item 'item-");
    }
}
