package io.friendlikit.mock.delivery;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The timing model's pacing: prefill cost, seeded jitter, load factor; and the schedule of a stream's frames. */
class TimingModelTest {

    @Test
    void offByDefault() {
        assertThat(TimingModel.OFF.pacing(1_000, 500, 7).paced()).isFalse();
        assertThat(TimingModel.OFF.pacing(1_000, 500, 7).schedule(3).dueMs(2)).isZero();
    }

    @Test
    void firstTokenGrowsWithThePromptAndFramesAreDueOnAFixedGrid() {
        Pacing p = new TimingModel(100, 0.5, 20, 0, 1, 1).pacing(200, 0, 1);
        assertThat(p.firstTokenMs()).isEqualTo(200);
        Pacing.Schedule s = p.schedule(50);
        assertThat(s.dueMs(0)).isEqualTo(200);
        assertThat(s.dueMs(49)).as("absolute: first + 49 × inter").isEqualTo(200 + 49 * 20);
    }

    @Test
    void jitterIsSeededNeverNegativeAndAveragesOut() {
        TimingModel model = new TimingModel(0, 0, 20, 5, 1, 1);
        Pacing.Schedule a = model.pacing(10, 0, 42).schedule(2_001);
        Pacing.Schedule b = model.pacing(10, 0, 42).schedule(2_001);
        Pacing.Schedule c = model.pacing(10, 0, 43).schedule(2_001);
        boolean differs = false;
        for (int i = 1; i <= 2_000; i++) {
            assertThat(a.dueMs(i)).as("same seed, same delays").isEqualTo(b.dueMs(i));
            assertThat(a.dueMs(i)).as("never before the frame ahead").isGreaterThanOrEqualTo(a.dueMs(i - 1));
            differs |= a.dueMs(i) != c.dueMs(i);
        }
        assertThat(differs).as("another seed, other delays").isTrue();
        assertThat(a.dueMs(2_000) / 2_000.0).as("mean delay").isBetween(19.0, 21.0);
        long jittered = 0;
        for (int i = 1; i <= 2_000; i++) {
            jittered += a.dueMs(i) - a.dueMs(i - 1) != 20 ? 1 : 0;
        }
        assertThat(jittered).as("delays that moved off the mean").isGreaterThan(1_000);
    }

    @Test
    void loadSlowsAnswersUpToTheFactorAtFullLoad() {
        TimingModel model = new TimingModel(100, 0, 20, 0, 3, 10);
        assertThat(model.pacing(0, 0, 1).interTokenMs()).isEqualTo(20);
        assertThat(model.pacing(0, 5, 1).interTokenMs()).as("half load: factor 2").isEqualTo(40);
        assertThat(model.pacing(0, 10, 1).firstTokenMs()).isEqualTo(300);
        assertThat(model.pacing(0, 1_000, 1).interTokenMs()).as("capped at full load").isEqualTo(60);
    }

    @Test
    void refusesWhatIsNotATiming() {
        assertThatThrownBy(() -> new TimingModel(-1, 0, 0, 0, 1, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TimingModel(0, 0, 0, 0, 0.5, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TimingModel(0, Double.NaN, 0, 0, 1, 1))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
