package flock.mapstores;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class CassandraConfigTest {

    @Test
    void should_default_to_a_local_single_node() {
        CassandraConfig config = CassandraConfig.fromMap(Map.of());
        assertThat(config.contactPoints()).hasSize(1);
        assertThat(config.contactPoints().get(0).getHostString()).isEqualTo("127.0.0.1");
        assertThat(config.contactPoints().get(0).getPort()).isEqualTo(9042);
        assertThat(config.localDatacenter()).isEqualTo("datacenter1");
        assertThat(config.keyspace()).isEqualTo("flock");
        assertThat(config.replicationFactor()).isEqualTo(1);
        assertThat(config.username())
                .as("the local Cassandra asks for no login")
                .isEmpty();
    }

    @Test
    void should_read_credentials_and_never_print_the_password() {
        CassandraConfig config = CassandraConfig.fromMap(Map.of("username", "flock", "password", "s3cret"));

        assertThat(config.username()).contains("flock");
        assertThat(config.password()).isEqualTo("s3cret");
        assertThat(config.toString()).contains("flock").doesNotContain("s3cret");
    }

    @Test
    void should_read_several_contact_points() {
        CassandraConfig config = CassandraConfig.fromMap(
                Map.of("contact-points", "10.0.0.1:9042, 10.0.0.2:19042", "replication-factor", "3"));
        assertThat(config.contactPoints()).extracting(point -> point.getPort()).containsExactly(9042, 19042);
        assertThat(config.replicationFactor()).isEqualTo(3);
    }

    @Test
    void should_refuse_a_keyspace_name_that_could_inject_cql() {
        assertThatThrownBy(() -> CassandraConfig.fromMap(Map.of("keyspace", "x; DROP KEYSPACE flock")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CassandraConfig.fromMap(Map.of("contact-points", "no-port")))
                .hasMessageContaining("host:port");
    }
}
