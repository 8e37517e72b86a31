package flock.mapstores;

import com.datastax.oss.driver.api.core.CqlIdentifier;
import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.config.DriverExecutionProfile;
import com.datastax.oss.driver.api.core.config.DriverOption;
import com.datastax.oss.driver.api.core.cql.BatchStatement;
import com.datastax.oss.driver.api.core.cql.BatchableStatement;
import com.datastax.oss.driver.api.core.cql.DefaultBatchType;
import com.datastax.oss.driver.api.core.cql.Statement;
import com.datastax.oss.driver.api.core.metadata.Node;
import com.datastax.oss.driver.api.core.metadata.TokenMap;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Gathers the statements of one write-behind batch that go to the same Cassandra replicas into unlogged batches of a
 * few statements each, so that Cassandra answers one request for several rows.
 *
 * <p>Why: a write-behind batch of 100 tweets was 200 requests, and Cassandra's cost per request (decoding it, a task on
 * its request pool, the answer) is most of what a small insert costs. A group holds only rows whose replicas are the
 * same nodes, so the replica the driver sends it to applies all of it locally: the coordinator fan-out that makes
 * multi-partition batches a bad habit does not happen. Groups stay under Cassandra's warning thresholds (10 partitions
 * and 5 KiB a batch by default); a statement too big for a group, or one whose replicas are unknown (no token map, no
 * routing key), goes alone, as every statement did before.
 *
 * <p>An unlogged batch is not atomic across partitions, and need not be: every write-behind statement is an idempotent
 * upsert or delete, and a group that fails fails the whole store call, which Hazelcast then repeats.
 *
 * <p>Sized by the driver's configuration ({@code flock-cassandra.conf}): {@value #MAX_STATEMENTS_PATH} (1 sends every
 * statement alone) and {@value #MAX_BYTES_PATH}. Not thread-safe: {@link AsyncWrites} guards it.
 */
final class StatementGroups {
    static final String MAX_STATEMENTS_PATH = "advanced.flock-write-groups.max-statements";
    static final String MAX_BYTES_PATH = "advanced.flock-write-groups.max-bytes";

    /** Cassandra's unlogged_batch_across_partitions_warn_threshold: more partitions in one batch log a warning. */
    static final int DEFAULT_MAX_STATEMENTS = 10;

    /** Below Cassandra's batch_size_warn_threshold (5 KiB), with room for the batch's own framing. */
    static final int DEFAULT_MAX_BYTES = 4 * 1024;

    private static final DriverOption MAX_STATEMENTS = () -> MAX_STATEMENTS_PATH;
    private static final DriverOption MAX_BYTES = () -> MAX_BYTES_PATH;

    private final CqlSession session;
    private final Optional<TokenMap> tokens;
    private final int maxStatements;
    private final int maxBytes;
    private final Map<Set<Node>, Group> open = new HashMap<>();

    private static final class Group {
        final List<BatchableStatement<?>> statements = new ArrayList<>();
        int bytes;
    }

    StatementGroups(CqlSession session) {
        this.session = session;
        DriverExecutionProfile profile = session.getContext().getConfig().getDefaultProfile();
        this.maxStatements = Math.max(1, profile.getInt(MAX_STATEMENTS, DEFAULT_MAX_STATEMENTS));
        this.maxBytes = profile.getInt(MAX_BYTES, DEFAULT_MAX_BYTES);
        this.tokens = maxStatements > 1 ? session.getMetadata().getTokenMap() : Optional.empty();
    }

    /**
     * Takes a statement; answers what is ready to send: the statement itself when it goes alone, a group it filled, or
     * null when it joined a group that is still open.
     */
    Statement<?> add(Statement<?> statement) {
        Set<Node> replicas = replicasOf(statement);
        if (replicas == null) {
            return statement;
        }
        int size = statement.computeSizeInBytes(session.getContext());
        if (size > maxBytes / 2) {
            return statement; // a big row (a follower chunk) gains nothing from company, and would crowd a group out
        }
        Group group = open.get(replicas);
        Statement<?> ready = null;
        if (group != null && group.bytes + size > maxBytes) {
            ready = asOne(open.remove(replicas)); // no room: the full group goes, this statement starts the next
            group = null;
        }
        if (group == null) {
            group = new Group();
            open.put(replicas, group);
        }
        group.statements.add((BatchableStatement<?>) statement);
        group.bytes += size;
        if (group.statements.size() >= maxStatements) {
            // Never with a group sent just above: this one was begun by this statement, and groups hold two or more.
            return asOne(open.remove(replicas));
        }
        return ready;
    }

    /** The groups still open, each as one statement to send; none stays open. */
    List<Statement<?>> drain() {
        List<Statement<?>> ready = new ArrayList<>(open.size());
        open.values().forEach(group -> ready.add(asOne(group)));
        open.clear();
        return ready;
    }

    private Set<Node> replicasOf(Statement<?> statement) {
        if (tokens.isEmpty() || !(statement instanceof BatchableStatement<?>)) {
            return null;
        }
        CqlIdentifier keyspace = statement.getRoutingKeyspace();
        ByteBuffer key = statement.getRoutingKey();
        if (keyspace == null || key == null) {
            return null;
        }
        Set<Node> replicas = tokens.get().getReplicas(keyspace, key);
        return replicas.isEmpty() ? null : replicas;
    }

    private static Statement<?> asOne(Group group) {
        if (group.statements.size() == 1) {
            return group.statements.getFirst();
        }
        return BatchStatement.newInstance(DefaultBatchType.UNLOGGED, group.statements);
    }
}
