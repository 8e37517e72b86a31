package flock.objectstore;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ObjectStoreTest {
    @Test
    void should_sign_urls_for_the_public_address_without_asking_either_address() {
        // Neither address answers: signing is local, so it needs neither the store nor the public name to be up.
        ObjectStoreSettings settings = ObjectStoreSettings.from(Map.of(
                "endpoint", "http://127.0.0.1:1",
                "public-endpoint", "https://media.example.invalid")::get);

        String url = new ObjectStore(settings).presignedGet("media/42", Duration.ofMinutes(5));

        assertThat(url).startsWith("https://media.example.invalid/flock-media/media/42?");
        assertThat(url).contains("X-Amz-Signature=").contains("X-Amz-Expires=300");
    }

    @Test
    void should_take_the_endpoint_as_the_public_address_when_none_is_given() {
        ObjectStoreSettings settings = ObjectStoreSettings.from(Map.of("endpoint", "http://store:9000")::get);

        assertThat(settings.publicEndpoint()).isEqualTo("http://store:9000");
        assertThat(new ObjectStore(settings).presignedGet("media/7", Duration.ofSeconds(30)))
                .startsWith("http://store:9000/flock-media/media/7?");
        assertThat(settings.toString()).doesNotContain(settings.secretKey());
    }
}
