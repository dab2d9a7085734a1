package io.shelfwise.demo.web;

import org.junit.jupiter.api.Test;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LogThrottleTest {

    private final AtomicLong now = new AtomicLong(1_000);
    private final LogThrottle throttle = new LogThrottle(1, TimeUnit.MINUTES, now::get);

    @Test
    void floodOfOneKindIsLoggedOncePerMinuteWithTheCountLeftOut() {
        assertThat(throttle.admit("csrf")).isZero();
        for (int i = 0; i < 5000; i++) {
            now.addAndGet(TimeUnit.MILLISECONDS.toNanos(10));
            assertThat(throttle.admit("csrf")).isEqualTo(-1);
        }
        now.addAndGet(TimeUnit.SECONDS.toNanos(11));
        assertThat(throttle.admit("csrf")).isEqualTo(5000);
        assertThat(throttle.admit("csrf")).isEqualTo(-1);
    }

    @Test
    void kindsAreThrottledApart() {
        assertThat(throttle.admit("a")).isZero();
        assertThat(throttle.admit("b")).isZero();
        assertThat(throttle.admit("a")).isEqualTo(-1);
    }

    @Test
    void manyKindsShareOneBudgetSoMemoryStaysBounded() {
        for (int i = 0; i < LogThrottle.MAX_KINDS; i++) {
            assertThat(throttle.admit("kind-" + i)).isZero();
        }
        assertThat(throttle.admit("one more")).isZero();
        assertThat(throttle.admit("and another")).isEqualTo(-1);
    }

    @Test
    void skippedNoteSaysHowManyWereLeftOut() {
        assertThat(LogThrottle.skippedNote(0)).isEmpty();
        assertThat(LogThrottle.skippedNote(41)).contains("41 more");
    }

    @Test
    void intervalMustBePositive() {
        assertThatThrownBy(() -> new LogThrottle(0, TimeUnit.SECONDS, System::nanoTime))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
