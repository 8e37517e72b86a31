package flock.domain.tweet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import flock.domain.FlockException;
import flock.domain.account.Handles;
import org.junit.jupiter.api.Test;

class TweetTextTest {

    @Test
    void should_count_an_emoji_as_one_character() {
        String text = "🐦".repeat(TweetText.MAX_CODE_POINTS);
        assertThat(TweetText.normalize(text)).isEqualTo(text);
    }

    @Test
    void should_refuse_281_characters_and_say_how_many() {
        assertThatThrownBy(() -> TweetText.normalize("a".repeat(281)))
                .isInstanceOf(FlockException.class)
                .hasMessageContaining("280")
                .hasMessageContaining("281");
    }

    @Test
    void should_normalise_combining_marks_to_nfc() {
        String decomposed = "e\u0301";
        assertThat(TweetText.normalize(decomposed)).isEqualTo("\u00e9");
    }

    @Test
    void should_allow_newline_but_refuse_other_control_characters() {
        assertThat(TweetText.normalize("line one\nline two")).contains("\n");
        assertThatThrownBy(() -> TweetText.normalize("nul\u0000"))
                .isInstanceOf(FlockException.class)
                .hasMessageContaining("U+0000");
        assertThatThrownBy(() -> TweetText.normalize("tab\t")).isInstanceOf(FlockException.class);
    }

    @Test
    void should_refuse_empty_and_blank_text() {
        assertThatThrownBy(() -> TweetText.normalize("")).isInstanceOf(FlockException.class);
        assertThatThrownBy(() -> TweetText.normalize("   ")).isInstanceOf(FlockException.class);
        assertThatThrownBy(() -> TweetText.normalize(null)).isInstanceOf(FlockException.class);
    }

    @Test
    void should_validate_handles_and_key_them_ignoring_case() {
        assertThat(Handles.key(Handles.validate("Alice_1"))).isEqualTo("alice_1");
        assertThatThrownBy(() -> Handles.validate("way_too_long_handle")).isInstanceOf(FlockException.class);
        assertThatThrownBy(() -> Handles.validate("bad-handle")).isInstanceOf(FlockException.class);
        assertThatThrownBy(() -> Handles.validateDisplayName(" ")).isInstanceOf(FlockException.class);
    }
}
