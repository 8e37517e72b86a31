package flock.apinode.limits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.helidon.config.Config;
import io.helidon.config.ConfigSources;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LimitSettingsTest {

    @Test
    void should_default_to_mastodons_limits_when_nothing_is_configured() {
        LimitSettings settings = LimitSettings.from(Config.empty());

        assertThat(settings).isEqualTo(LimitSettings.DEFAULTS);
        assertThat(settings.account()).isEqualTo(new LimitSettings.Limit(300, Duration.ofMinutes(5)));
        assertThat(settings.uploads()).isEqualTo(new LimitSettings.Limit(30, Duration.ofMinutes(30)));
        assertThat(settings.addressHeader()).isEmpty();
    }

    @Test
    void should_ship_the_defaults_in_application_yaml() {
        assertThat(LimitSettings.from(Config.create().get("flock.limits"))).isEqualTo(LimitSettings.DEFAULTS);
    }

    @Test
    void should_read_every_key() {
        Config config = Config.just(ConfigSources.create(Map.of(
                "account.requests", "10",
                "account.period", "PT1M",
                "address.requests", "20",
                "address.period", "PT1H",
                "uploads.requests", "5",
                "uploads.period", "PT10M",
                "sync", "PT1S",
                "address-header", "X-Forwarded-For")));

        LimitSettings settings = LimitSettings.from(config);

        assertThat(settings.account()).isEqualTo(new LimitSettings.Limit(10, Duration.ofMinutes(1)));
        assertThat(settings.address()).isEqualTo(new LimitSettings.Limit(20, Duration.ofHours(1)));
        assertThat(settings.uploads()).isEqualTo(new LimitSettings.Limit(5, Duration.ofMinutes(10)));
        assertThat(settings.sync()).isEqualTo(Duration.ofSeconds(1));
        assertThat(settings.addressHeader()).contains("X-Forwarded-For");
    }

    @Test
    void should_refuse_a_limit_that_admits_nothing() {
        Config config = Config.just(ConfigSources.create(Map.of("account.requests", "0")));

        assertThatThrownBy(() -> LimitSettings.from(config)).hasMessageContaining("at least 1 request");
    }
}
