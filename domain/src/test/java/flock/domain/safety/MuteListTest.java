package flock.domain.safety;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Mutes for good and for a while: a mute ends by itself, a repeated one takes the new end, ended ones drop out. */
class MuteListTest {
    private static final long NOW = 1_700_000_000_000L;

    @Test
    void should_mute_until_the_end_and_no_longer() {
        MuteList list = MuteList.EMPTY.with(7, 100, NOW + 60_000, NOW).with(3, 101, MuteList.FOREVER, NOW);
        assertThat(list.mutes(7, NOW + 59_999)).isTrue();
        assertThat(list.mutes(7, NOW + 60_000)).as("ended").isFalse();
        assertThat(list.mutes(3, Long.MAX_VALUE - 1)).isTrue();
        assertThat(list.mutes(5, NOW)).isFalse();
        assertThat(list.accountIds()).containsExactly(3, 7);
        assertThat(list.newest(Long.MAX_VALUE, 10, NOW).otherIds()).containsExactly(3, 7);
        assertThat(list.newest(Long.MAX_VALUE, 10, NOW + 60_000).otherIds())
                .as("the page leaves out a mute that ended")
                .containsExactly(3);
        assertThat(list.mutesAnyone(NOW + 60_000)).isTrue();
        assertThat(MuteList.EMPTY.with(7, 100, NOW + 1, NOW).mutesAnyone(NOW + 1))
                .isFalse();
    }

    @Test
    void should_keep_the_first_edge_take_the_new_end_and_drop_ended_mutes_on_change() {
        MuteList list = MuteList.EMPTY.with(7, 100, NOW + 1_000, NOW);
        MuteList again = list.with(7, 200, MuteList.FOREVER, NOW);
        assertThat(again.edgeIds()).containsExactly(100);
        assertThat(again.mutes(7, NOW + 5_000)).as("the new end").isTrue();
        MuteList later = list.with(9, 300, MuteList.FOREVER, NOW + 2_000);
        assertThat(later.accountIds()).as("the ended mute dropped").containsExactly(9);
        assertThat(again.without(7, NOW).size()).isZero();
        assertThat(again.without(8, NOW)).isEqualTo(again);
    }

    @Test
    void should_apply_the_same_change_on_the_owner_and_the_backup() {
        Map.Entry<Long, MuteList> owner = new java.util.AbstractMap.SimpleEntry<>(1L, null);
        Map.Entry<Long, MuteList> backup = new java.util.AbstractMap.SimpleEntry<>(1L, null);
        SetMute mute = SetMute.mute(7, 100, NOW + 1_000, NOW);
        mute.process(owner);
        mute.process(backup);
        mute.process(owner); // idempotent
        assertThat(owner.getValue()).isEqualTo(backup.getValue());
        SetMute.unmute(7, NOW).process(owner);
        assertThat(owner.getValue().size()).isZero();
    }
}
