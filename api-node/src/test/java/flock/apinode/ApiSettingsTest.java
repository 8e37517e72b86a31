package flock.apinode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.helidon.config.Config;
import io.helidon.config.ConfigSources;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ApiSettingsTest {
    @Test
    void should_read_the_kept_tweets_and_refuse_a_negative_count_by_its_key() {
        assertThat(ApiSettings.from(Config.empty()).renderedTweets()).isEqualTo(ApiSettings.DEFAULT_RENDERED_TWEETS);
        assertThat(ApiSettings.from(flock("0")).renderedTweets()).isZero();
        assertThatThrownBy(() -> ApiSettings.from(flock("-1")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("flock.render.kept-tweets");
    }

    private static Config flock(String keptTweets) {
        return Config.just(ConfigSources.create(Map.of("render.kept-tweets", keptTweets)));
    }
}
