package flock.apinode.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import flock.domain.FlockException;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MediaKindsTest {

    @Test
    void should_take_the_declared_type_without_its_parameters_and_refuse_others() {
        assertThat(MediaKinds.declared(Optional.of("Image/PNG; charset=binary")))
                .isEqualTo(MediaKinds.PNG);
        assertThat(MediaKinds.declared(Optional.of("video/mp4")).maxBytes).isEqualTo(64L * 1024 * 1024);
        assertThatThrownBy(() -> MediaKinds.declared(Optional.of("image/svg+xml")))
                .isInstanceOf(FlockException.class)
                .hasMessageContaining("image/png");
        assertThatThrownBy(() -> MediaKinds.declared(Optional.empty())).isInstanceOf(FlockException.class);
    }

    @Test
    void should_accept_each_kinds_magic_number_and_refuse_the_others() {
        byte[] webp = {'R', 'I', 'F', 'F', 1, 2, 3, 4, 'W', 'E', 'B', 'P'};
        byte[] mp4 = {0, 0, 0, 0x18, 'f', 't', 'y', 'p', 'm', 'p', '4', '2'};
        byte[] gif = {'G', 'I', 'F', '8', '9', 'a', 0, 0, 0, 0, 0, 0};

        MediaKinds.WEBP.check(webp, webp.length);
        MediaKinds.MP4.check(mp4, mp4.length);
        MediaKinds.GIF.check(gif, gif.length);
        assertThatThrownBy(() -> MediaKinds.PNG.check(gif, gif.length)).hasMessageContaining("not image/png");
        assertThatThrownBy(() -> MediaKinds.WEBP.check(mp4, mp4.length)).isInstanceOf(FlockException.class);
        assertThatThrownBy(() -> MediaKinds.MP4.check(mp4, 6))
                .as("a body shorter than the magic number")
                .isInstanceOf(FlockException.class);
    }
}
