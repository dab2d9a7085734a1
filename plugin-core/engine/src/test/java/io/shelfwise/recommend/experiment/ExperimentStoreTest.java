package io.shelfwise.recommend.experiment;

import io.shelfwise.recommend.StandardPlacements;
import io.shelfwise.registry.ModelVersion;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ExperimentStoreTest {

    private static final String HOME = StandardPlacements.HOME_TRENDING;

    @TempDir
    Path dir;
    private ExperimentTestBed bed;
    private ModelVersion trendingV1;

    @BeforeEach
    void setUp() throws Exception {
        bed = new ExperimentTestBed(dir);
        trendingV1 = bed.ready("trending", 5, 4, 3, 2, 1, 0);
    }

    private List<Arm> arms(Arm... arms) {
        return Arrays.asList(arms);
    }

    @Test
    void createsStartsStopsAndReadsBackWhatWasWritten() {
        Experiment draft = bed.store.create("Trending v1 vs pop-first", HOME, arms(Arm.builder("A", 50).build(),
                Arm.builder("B", 30).version(trendingV1.id()).build(),
                Arm.builder("C", 20).chain("pop:none,trending:none").maxPerCategory(1).excludeViewed(true).build()),
                "alice");
        assertThat(draft.status()).isEqualTo(Experiment.Status.DRAFT);
        assertThat(draft.arms()).extracting(Arm::name).containsExactly("A", "B", "C");
        assertThat(draft.arm("B").versionLabel()).isEqualTo("trending@1");
        assertThat(draft.arm("C").chainText()).isEqualTo("pop:none,trending:none");
        assertThat(draft.arm("C").maxPerCategory()).isEqualTo(1);
        assertThat(draft.arm("C").excludeViewed()).isTrue();
        assertThat(draft.arm("C").excludePurchased()).isNull();
        assertThat(bed.store.get(draft.id())).contains(draft);

        bed.clock.advance(Duration.ofMinutes(1));
        Experiment running = bed.store.start(draft.id(), "bob");
        assertThat(running.status()).isEqualTo(Experiment.Status.RUNNING);
        assertThat(running.startedBy()).isEqualTo("bob");
        assertThat(running.startedAt()).isEqualTo(bed.clock.instant());
        assertThat(bed.store.running()).containsOnlyKeys(HOME);

        Experiment stopped = bed.store.stop(draft.id(), "carol");
        assertThat(stopped.status()).isEqualTo(Experiment.Status.STOPPED);
        assertThat(stopped.stoppedBy()).isEqualTo("carol");
        assertThat(bed.store.running()).isEmpty();
        assertThat(bed.store.list()).containsExactly(stopped);
        assertThatThrownBy(() -> bed.store.stop(draft.id(), "carol")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("already stopped");
        assertThatThrownBy(() -> bed.store.start(draft.id(), "carol")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("only a draft can be started");
    }

    @Test
    void splitsThatDoNotAddUpAreRefusedWithWhatToFixAndNothingIsWritten() throws Exception {
        ModelVersion failed = bed.registry.startTraining("trending", null);
        bed.registry.failTraining(failed.id(), "test");
        ModelVersion other = bed.ready("also-bought", 1, 1, 1, 1, 1, 1);
        assertRefused(arms(Arm.builder("A", 100).build()), "at least two arms");
        assertRefused(arms(Arm.builder("A", 50).build(), Arm.builder("B", 40).build()), "50 + 40 = 90%");
        assertRefused(arms(Arm.builder("A", 60).build(), Arm.builder("B", 50).build()), "60 + 50 = 110%");
        assertRefused(arms(Arm.builder("A", 50).build(), Arm.builder("a", 50).build()), "Two arms are named 'a'");
        assertRefused(arms(Arm.builder("A", 50).build(), Arm.builder("B", 50).version(9999).build()),
                "no model version #9999");
        assertRefused(arms(Arm.builder("A", 50).build(), Arm.builder("B", 50).version(failed.id()).build()),
                "is FAILED; only READY versions");
        assertRefused(arms(Arm.builder("A", 50).build(), Arm.builder("B", 50).version(other.id()).build()),
                "also-bought@1 is a also-bought model, but the chain it would serve on home-trending has only "
                        + "[trending, pop]");
        // a version of a strategy the arm's own chain has is fine
        assertThat(bed.store.create("own chain", HOME, arms(Arm.builder("A", 50).build(),
                Arm.builder("B", 50).chain("also-bought:context_items,trending:none").version(other.id()).build()),
                "alice").arm("B").strategy()).isEqualTo("also-bought");
        bed.store.list().forEach(e -> bed.store.stop(e.id(), "alice"));
        assertThatThrownBy(() -> bed.store.create("x", "no-such-page", arms(Arm.builder("A", 50).build(),
                Arm.builder("B", 50).build()), "alice")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("No storefront placement 'no-such-page'").hasMessageContaining("home-trending");
        assertThatThrownBy(() -> Arm.builder("A", 0).build()).hasMessageContaining("whole percent from 1 to 100");
        assertThatThrownBy(() -> Arm.builder("A", 101).build()).hasMessageContaining("whole percent from 1 to 100");
        assertThatThrownBy(() -> Arm.builder("A B", 50).build()).hasMessageContaining("An A/B arm name is");
        assertThatThrownBy(() -> Arm.builder("B", 50).chain("trending:sometimes"))
                .hasMessageContaining("shopper_history, session, context_items, none");
        assertThat(bed.store.list()).hasSize(1);
    }

    private void assertRefused(List<Arm> arms, String message) {
        int before = bed.store.list().size();
        assertThatThrownBy(() -> bed.store.create("t", HOME, arms, "alice"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(message);
        assertThat(bed.store.list()).hasSize(before);
    }

    @Test
    void onlyOneExperimentRunsOnAPlacementAtATime() {
        Experiment first = bed.store.create("first", HOME, arms(Arm.builder("A", 50).build(),
                Arm.builder("B", 50).maxPerCategory(1).build()), "alice");
        Experiment second = bed.store.create("second", HOME, arms(Arm.builder("A", 50).build(),
                Arm.builder("B", 50).maxPerCategory(2).build()), "alice");
        bed.store.start(first.id(), "alice");
        assertThatThrownBy(() -> bed.store.start(second.id(), "alice")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Experiment #" + first.id() + " 'first' is running on home-trending");
        assertThatThrownBy(() -> bed.store.create("third", HOME, arms(Arm.builder("A", 50).build(),
                Arm.builder("B", 50).build()), "alice")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("stop or promote it first");
        // another placement is free
        Experiment elsewhere = bed.store.create("elsewhere", StandardPlacements.HOME_FOR_YOU,
                arms(Arm.builder("A", 50).build(), Arm.builder("B", 50).maxPerCategory(1).build()), "alice");
        bed.store.start(elsewhere.id(), "alice");
        assertThat(bed.store.running()).containsOnlyKeys(HOME, StandardPlacements.HOME_FOR_YOU);
        bed.store.stop(first.id(), "alice");
        assertThat(bed.store.start(second.id(), "alice").isRunning()).isTrue();
    }

    @Test
    void promotingAVersionArmActivatesItOnThePlacementsOwnSlot() {
        Experiment e = bed.store.create("v1", HOME, arms(Arm.builder("A", 50).build(),
                Arm.builder("B", 50).version(trendingV1.id()).build()), "alice");
        assertThatThrownBy(() -> bed.store.promote(e.id(), "B", "alice")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("never ran");
        bed.store.start(e.id(), "alice");
        assertThatThrownBy(() -> bed.store.promote(e.id(), "Z", "alice"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("its arms are [A, B]");
        assertThat(bed.store.get(e.id()).get().isRunning()).as("a refused promotion changes nothing").isTrue();
        Experiment promoted = bed.store.promote(e.id(), "B", "dana");
        assertThat(promoted.status()).isEqualTo(Experiment.Status.STOPPED);
        assertThat(promoted.winnerArm()).isEqualTo("B");
        assertThat(promoted.promotedBy()).isEqualTo("dana");
        assertThat(bed.registry.active(HOME + ".trending")).map(ModelVersion::id).contains(trendingV1.id());
        assertThat(bed.registry.activations(HOME + ".trending").get(0).activatedBy()).isEqualTo("dana");
        assertThatThrownBy(() -> bed.store.promote(e.id(), "A", "alice")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("already promoted arm B");
    }

    @Test
    void aPromotionTheRegistryRefusesLeavesTheExperimentAsItWas() throws Exception {
        ModelVersion v2 = bed.ready("trending", 1, 2, 3, 4, 5, 6);
        Experiment e = bed.store.create("v2", HOME, arms(Arm.builder("A", 50).build(),
                Arm.builder("B", 50).version(v2.id()).build()), "alice");
        bed.store.start(e.id(), "alice");
        assertThatThrownBy(() -> bed.store.promote(e.id(), "B", "x" + String.join("", Collections.nCopies(200, "y"))))
                .isInstanceOf(IllegalArgumentException.class);
        // the registry refuses a deleted version: the experiment keeps running, unpromoted
        bed.registry.delete(v2.id());
        assertThatThrownBy(() -> bed.store.promote(e.id(), "B", "alice")).isInstanceOf(IllegalArgumentException.class);
        Experiment after = bed.store.get(e.id()).get();
        assertThat(after.isRunning()).isTrue();
        assertThat(after.winnerArm()).isNull();
        assertThat(bed.registry.active(HOME + ".trending")).isEmpty();
    }
}
