package flock.domain.tweet;

import static org.assertj.core.api.Assertions.assertThat;

import flock.domain.tweet.TweetEntities.Span;
import org.junit.jupiter.api.Test;

/** Mentions, hashtags and links found in text, with code point offsets. */
class TweetEntitiesTest {
    @Test
    void should_find_mentions_but_not_addresses_or_overlong_handles() {
        String text = "@alice hi, write to bob@example.com or @carol_2! @sixteen_letters_x @@dave";
        assertThat(TweetEntities.mentions(text)).containsExactly(new Span(0, 6, "alice"), new Span(39, 47, "carol_2"));
    }

    @Test
    void should_count_offsets_in_code_points() {
        String text = "🐦🐦 @ann #flöck";
        assertThat(TweetEntities.mentions(text)).containsExactly(new Span(3, 7, "ann"));
        assertThat(TweetEntities.hashtags(text)).containsExactly(new Span(8, 14, "flöck"));
    }

    @Test
    void should_find_hashtags_with_a_letter_and_not_inside_words_or_entities() {
        String text = "#1 #go2 a#b &#39; #日本 #_x";
        assertThat(TweetEntities.hashtags(text)).extracting(Span::value).containsExactly("go2", "日本", "_x");
    }

    @Test
    void should_find_links_without_the_punctuation_that_ends_a_sentence() {
        String text = "see https://flock.example/a?b=1. and (http://x.y/z) or http:// alone";
        assertThat(TweetEntities.urls(text))
                .containsExactly(new Span(4, 31, "https://flock.example/a?b=1"), new Span(38, 50, "http://x.y/z"));
    }
}
