package flock.apinode.http;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.jet.Job;
import flock.apinode.account.Tokens;
import flock.apinode.render.JsonOut;
import flock.domain.ErrorCode;
import flock.domain.FlockException;
import flock.domain.MapNames;
import flock.domain.cluster.MemberStatus;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * {@code GET /admin/cluster}: the cluster as an operator sees it, behind the admin token ({@code flock.admin.token}).
 * Members (address, partitions owned, safe or migrating, heap, entries per map), the cluster's state, map sizes and
 * the Jet jobs' status. Each member reports for itself ({@link MemberStatus}, through the grid's executor), since a
 * client cannot see migrations or a member's heap. Without a configured token the view does not exist (404): an
 * operator turns it on deliberately.
 */
public final class AdminApi implements HttpService {
    private static final long MEMBER_ANSWER_SECONDS = 10;
    private static final List<String> JOBS = MapNames.JOBS;

    private final HazelcastInstance grid;
    private final Optional<byte[]> tokenHash;

    public AdminApi(HazelcastInstance grid, Optional<String> token) {
        this.grid = grid;
        this.tokenHash = token.filter(t -> !t.isBlank()).map(Tokens::hash);
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/cluster", this::cluster);
    }

    private void cluster(ServerRequest request, ServerResponse response) {
        requireAdmin(request.headers().first(HeaderNames.AUTHORIZATION));
        List<MemberStatus.Report> members = reports();
        JsonOut json = new JsonOut().beginObject().beginObject("cluster");
        json.field("name", grid.getConfig().getClusterName())
                .field("state", members.isEmpty() ? "UNKNOWN" : members.get(0).clusterState())
                .field("safe", !members.isEmpty() && members.stream().allMatch(MemberStatus.Report::clusterSafe))
                .field("members", grid.getCluster().getMembers().size())
                .field("membersAnswered", members.size())
                .field("partitions", grid.getPartitionService().getPartitions().size())
                .endObject();
        json.beginArray("members");
        for (MemberStatus.Report member : members) {
            json.beginObject()
                    .field("address", member.address())
                    .field("uuid", member.uuid())
                    .field("partitions", member.partitions())
                    .field("safe", member.memberSafe())
                    .field("heapUsedBytes", member.heapUsedBytes())
                    .field("heapMaxBytes", member.heapMaxBytes())
                    .beginObject("entries");
            for (int i = 0; i < MemberStatus.MAPS.size(); i++) {
                json.field(MemberStatus.MAPS.get(i), member.entries()[i]);
            }
            json.endObject().endObject();
        }
        json.endArray().beginObject("maps");
        for (int i = 0; i < MemberStatus.MAPS.size(); i++) {
            long total = 0;
            for (MemberStatus.Report member : members) {
                total += member.entries()[i];
            }
            json.field(MemberStatus.MAPS.get(i), total);
        }
        json.endObject().beginArray("jobs");
        // By name: a job's name lives in its config, which holds Java-serialized parts that an API node's
        // deserialization filter refuses, so listing the jobs and asking each for its name fails.
        for (String name : JOBS) {
            Job job = grid.getJet().getJob(name);
            json.beginObject()
                    .field("name", name)
                    .field(
                            "status",
                            job == null ? "NOT_SUBMITTED" : job.getStatus().name());
            if (job != null) {
                json.time("submittedAt", job.getSubmissionTime());
            }
            json.endObject();
        }
        Responses.json(response, 200, json.endArray().endObject().toBytes());
    }

    /** Every member's report; a member that does not answer in time is left out, and the view says how many did. */
    private List<MemberStatus.Report> reports() {
        Map<com.hazelcast.cluster.Member, Future<MemberStatus.Report>> asked =
                grid.getExecutorService("flock-admin").submitToAllMembers(new MemberStatus());
        List<MemberStatus.Report> reports = new ArrayList<>();
        for (Future<MemberStatus.Report> answer : asked.values()) {
            try {
                reports.add(answer.get(MEMBER_ANSWER_SECONDS, TimeUnit.SECONDS));
            } catch (ExecutionException | TimeoutException e) {
                // a member leaving or busy: the others still report
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new FlockException(ErrorCode.UNAVAILABLE, "interrupted while asking the members");
            }
        }
        reports.sort(java.util.Comparator.comparing(MemberStatus.Report::address));
        return reports;
    }

    private void requireAdmin(Optional<String> authorization) {
        if (tokenHash.isEmpty()) {
            throw FlockException.notFound("the admin view is off; set flock.admin.token to turn it on");
        }
        String presented = authorization
                .filter(header -> header.regionMatches(true, 0, "Bearer ", 0, 7))
                .map(header -> header.substring(7).strip())
                .orElseThrow(() -> new FlockException(ErrorCode.UNAUTHORIZED, "the admin token is required"));
        if (!MessageDigest.isEqual(Tokens.hash(presented), tokenHash.get())) {
            throw new FlockException(ErrorCode.UNAUTHORIZED, "the admin token is not valid");
        }
    }
}
