package flock.benchmarks.graph;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SocialGraphTest {

    @Test
    void should_draw_the_same_graph_for_the_same_seed() {
        SocialGraph first = SocialGraph.generate(GraphShape.of(2_000), 7);
        SocialGraph second = SocialGraph.generate(GraphShape.of(2_000), 7);

        assertThat(second.edges()).isEqualTo(first.edges());
        assertThat(second.followerCounts()).isEqualTo(first.followerCounts());
    }

    @Test
    void should_follow_about_the_mean_with_no_self_or_repeated_follows() {
        SocialGraph graph = SocialGraph.generate(GraphShape.of(10_000), 1);

        assertThat((double) graph.edges() / graph.users()).isBetween(17.0, 23.0);
        for (int user = 0; user < graph.users(); user++) {
            Set<Integer> followed = new HashSet<>();
            for (int i = 0; i < graph.followingCount(user); i++) {
                int followee = graph.followee(user, i);
                assertThat(followee).isNotEqualTo(user);
                assertThat(followed.add(followee))
                        .as("user %d follows %d once", user, followee)
                        .isTrue();
            }
        }
    }

    @Test
    void should_give_followers_a_heavy_tail() {
        int[] followers = SocialGraph.generate(GraphShape.of(10_000), 1).followerCounts();
        Arrays.sort(followers);
        int median = followers[followers.length / 2];
        int top = followers[followers.length - 1];

        assertThat(top).as("the most followed account").isGreaterThan(100 * Math.max(1, median));
        assertThat(followers[(int) (followers.length * 0.99)]).isGreaterThan(10 * Math.max(1, median));
    }

    @Test
    void should_read_an_undirected_edge_list_as_follows_both_ways(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("tiny.edges");
        Files.writeString(file, "% a comment\n1 2\n2 3\n3 3\n");

        SocialGraph graph = SocialGraph.fromUndirectedEdges(file);

        assertThat(graph.users()).isEqualTo(3);
        assertThat(graph.edges()).isEqualTo(4);
        assertThat(graph.followerCounts()).containsExactly(1, 2, 1);
        assertThat(graph.followers()[1]).containsExactlyInAnyOrder(0, 2);
    }

    @Test
    void should_read_the_projects_copy_of_socfb_reed98_whose_ids_count_from_0() throws Exception {
        Path file = flock.testkit.ProjectLayout.root().resolve("benchmarks/data/socfb-Reed98/socfb-Reed98.edges");

        SocialGraph graph = SocialGraph.fromUndirectedEdges(file);

        // Its README: 962 people, 18,812 friendships, each a follow both ways.
        assertThat(graph.users()).isEqualTo(962);
        assertThat(graph.edges()).isEqualTo(2 * 18_812);
    }
}
