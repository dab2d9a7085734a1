package io.shelfwise.recommend.experiment;

import io.shelfwise.events.EventType;
import io.shelfwise.events.InteractionEvent;
import io.shelfwise.events.ShopperKey;
import io.shelfwise.recommend.StandardPlacements;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class ExperimentMetricsTest {

    private static final String PLACEMENT = StandardPlacements.HOME_TRENDING;

    @TempDir
    Path dir;
    private ExperimentTestBed bed;
    private ExperimentMetrics metrics;

    @BeforeEach
    void setUp() throws Exception {
        bed = new ExperimentTestBed(dir);
        metrics = new ExperimentMetrics(bed.dataSource, bed.clock);
    }

    private Experiment running(Arm... arms) {
        Experiment e = bed.store.create("test", PLACEMENT, Arrays.asList(arms), "alice");
        return bed.store.start(e.id(), "alice");
    }

    private static Map<String, Double> ctr(Object... armAndRate) {
        Map<String, Double> map = new HashMap<>();
        for (int i = 0; i < armAndRate.length; i += 2) {
            map.put((String) armAndRate[i], (Double) armAndRate[i + 1]);
        }
        return map;
    }

    @Test
    void aClearlyBetterArmIsDeclaredTheWinner() {
        Experiment e = running(Arm.builder("A", 50).build(), Arm.builder("B", 50).maxPerCategory(1).build());
        bed.clock.advance(Duration.ofDays(2));
        new ExperimentTrafficSimulator(bed.events, new Random(1))
                .simulate(e, 2000, ctr("A", 0.03, "B", 0.06), bed.clock.instant());
        ExperimentReport report = metrics.report(e);
        ArmMetrics a = report.arm("A");
        ArmMetrics b = report.arm("B");
        assertThat(a.exposedShoppers() + b.exposedShoppers()).isEqualTo(2000);
        assertThat(a.ctr().rate()).isCloseTo(0.03, within(0.008));
        assertThat(b.ctr().rate()).isCloseTo(0.06, within(0.01));
        assertThat(b.ctr().low()).isLessThan(b.ctr().rate());
        assertThat(b.ctr().high()).isGreaterThan(b.ctr().rate());
        assertThat(b.conversion().rate()).isGreaterThan(a.conversion().rate());
        assertThat(report.verdict().significant()).isTrue();
        assertThat(report.verdict().winner()).isEqualTo("B");
        assertThat(report.verdict().headline()).isEqualTo("winner: B");
        assertThat(report.comparisons().get(0).ctrP()).isLessThan(0.05);
    }

    @Test
    void equalArmsAreNotYetSignificant() {
        Experiment e = running(Arm.builder("A", 50).build(), Arm.builder("B", 50).maxPerCategory(1).build());
        bed.clock.advance(Duration.ofDays(2));
        new ExperimentTrafficSimulator(bed.events, new Random(2))
                .simulate(e, 2000, ctr("A", 0.05, "B", 0.05), bed.clock.instant());
        ExperimentReport report = metrics.report(e);
        assertThat(report.arm("A").impressions()).isGreaterThan(100);
        assertThat(report.verdict().significant()).isFalse();
        assertThat(report.verdict().headline()).isEqualTo("not yet significant");
        assertThat(report.verdict().reason()).startsWith("B vs A: CTR ").contains("needs < 0.0500");
    }

    @Test
    void tooFewImpressionsIsNotYetSignificantWhateverTheRates() {
        Experiment e = running(Arm.builder("A", 50).build(), Arm.builder("B", 50).maxPerCategory(1).build());
        bed.clock.advance(Duration.ofDays(1));
        new ExperimentTrafficSimulator(bed.events, new Random(3)).maxViews(1)
                .simulate(e, 30, ctr("A", 0.0, "B", 0.9), bed.clock.instant());
        ExperimentReport report = metrics.report(e);
        assertThat(report.verdict().significant()).isFalse();
        assertThat(report.verdict().reason()).contains("of the 100 impressions each arm needs");
    }

    @Test
    void countsCartAddsOfClickedItemsWithinADayAndPurchasesOfClickedItems() {
        Experiment e = running(Arm.builder("A", 50).build(), Arm.builder("B", 50).maxPerCategory(1).build());
        Instant t = bed.clock.instant().plusSeconds(60);
        ShopperKey anna = ShopperKey.customer(1);
        String arm = ArmAssignment.arm(e, anna).name();
        bed.events.append(Arrays.asList(
                impression(anna, "10", arm, t), impression(anna, "11", arm, t),
                click(anna, "10", arm, t.plusSeconds(5)),
                // the clicked item, in the cart within a day, then bought
                cart(anna, "10", t.plusSeconds(100)),
                checkout(anna, "10", t.plusSeconds(200)),
                // an item not clicked: no effect
                cart(anna, "12", t.plusSeconds(100)),
                // another placement's impression: not this experiment's
                InteractionEvent.builder(EventType.WIDGET_IMPRESSION, anna, t).placement("pdp-similar").item("13")
                        .model("pop@1", arm).build()));
        ShopperKey bob = ShopperKey.customer(2);
        String bobArm = ArmAssignment.arm(e, bob).name();
        bed.events.append(Arrays.asList(impression(bob, "10", bobArm, t), click(bob, "10", bobArm, t),
                // added two days after the click: too late for the cart figure
                cart(bob, "10", t.plus(Duration.ofDays(2)))));
        bed.clock.advance(Duration.ofDays(3));
        ExperimentReport report = metrics.report(e);
        ArmMetrics annas = report.arm(arm);
        long exposed = report.arm("A").exposedShoppers() + report.arm("B").exposedShoppers();
        assertThat(exposed).isEqualTo(2);
        assertThat(report.arm("A").impressions() + report.arm("B").impressions()).isEqualTo(3);
        assertThat(report.arm("A").clicks() + report.arm("B").clicks()).isEqualTo(2);
        assertThat(report.arm("A").cartAdds() + report.arm("B").cartAdds()).isEqualTo(1);
        assertThat(annas.cartAdds()).isEqualTo(1);
        assertThat(annas.conversion().successes()).isEqualTo(1);
        assertThat(report.arm("A").conversion().successes() + report.arm("B").conversion().successes())
                .isEqualTo(1);
    }

    @Test
    void wilsonIntervalsAndTheZTestGiveTextbookValues() {
        Proportion p = new Proportion(10, 100);
        // Wilson 95% for 10/100: [0.0552, 0.1744]
        assertThat(p.low()).isCloseTo(0.0552, within(0.0005));
        assertThat(p.high()).isCloseTo(0.1744, within(0.0005));
        assertThat(new Proportion(0, 50).low()).isZero();
        assertThat(new Proportion(0, 0).high()).isEqualTo(1);
        // 200/1000 vs 250/1000: pooled z = 2.68, p = 0.0073
        double z = TwoProportionComparison.z(new Proportion(200, 1000), new Proportion(250, 1000));
        assertThat(z).isCloseTo(2.68, within(0.01));
        assertThat(TwoProportionComparison.pTwoSided(z)).isCloseTo(0.0073, within(0.0003));
        assertThat(TwoProportionComparison.pTwoSided(1.959964)).isCloseTo(0.05, within(1e-5));
    }

    private static InteractionEvent impression(ShopperKey s, String item, String arm, Instant at) {
        return InteractionEvent.builder(EventType.WIDGET_IMPRESSION, s, at).placement(PLACEMENT).item(item)
                .model("trending@1", arm).build();
    }

    private static InteractionEvent click(ShopperKey s, String item, String arm, Instant at) {
        return InteractionEvent.builder(EventType.WIDGET_CLICK, s, at).placement(PLACEMENT).item(item)
                .model("trending@1", arm).build();
    }

    private static InteractionEvent cart(ShopperKey s, String item, Instant at) {
        return InteractionEvent.builder(EventType.CART_ADD, s, at).item(item).quantity(1).build();
    }

    private static InteractionEvent checkout(ShopperKey s, String item, Instant at) {
        return InteractionEvent.builder(EventType.CHECKOUT, s, at).item(item).quantity(1)
                .unitPrice(BigDecimal.ONE).order("o-" + s + "-" + item, BigDecimal.ONE).build();
    }
}
