package io.shelfwise.sequence;

import io.shelfwise.upload.UploadCheckResult;
import io.shelfwise.upload.UploadFinding;
import io.shelfwise.upload.UploadedModelCheck;
import org.junit.jupiter.api.Test;

import java.util.HashSet;

import static org.assertj.core.api.Assertions.assertThat;

/** A sequence graph of our own export, uploaded as a bring-your-own model, passes the upload check. */
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
                .anyMatch(m -> m.startsWith("Dry run: 5 sample histories"));
    }
}
