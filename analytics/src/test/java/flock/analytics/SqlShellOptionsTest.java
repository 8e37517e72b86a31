package flock.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SqlShellOptionsTest {
    @Test
    void should_name_an_unknown_option_instead_of_running_it_as_sql() {
        assertThatThrownBy(() -> SqlShell.Options.parse("--format", "csv", "SELECT * FROM users"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown option '--format'")
                .hasMessageContaining("--csv");
    }

    @Test
    void should_read_the_known_options_around_the_query() {
        SqlShell.Options options = SqlShell.Options.parse("SELECT", "handle", "--csv", "FROM users");
        assertThat(options.csv()).isTrue();
        assertThat(options.words()).containsExactly("SELECT", "handle", "FROM users");
        assertThat(SqlShell.Options.parse("--example", "top-posters").example()).isEqualTo(Optional.of("top-posters"));
        assertThat(SqlShell.Options.parse().words()).isEqualTo(List.of());
    }

    @Test
    void should_refuse_an_example_without_a_name_or_beside_a_query() {
        assertThatThrownBy(() -> SqlShell.Options.parse("--example")).hasMessageContaining("needs a name");
        assertThatThrownBy(() -> SqlShell.Options.parse("--example", "top-posters", "SELECT 1"))
                .hasMessageContaining("not both");
    }
}
