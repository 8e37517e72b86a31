package flock.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import flock.testkit.CassandraServer;
import flock.testkit.FlockClient;
import flock.testkit.FlockClient.Account;
import flock.testkit.FlockStack;
import flock.testkit.S3Server;
import io.minio.ListObjectsArgs;
import io.minio.MinioClient;
import io.minio.Result;
import io.minio.messages.Item;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Media against a real S3 server (S3Proxy, real signatures) and a real API node: byte-exact round trips through the
 * presigned URL the API redirects to (a video over 5 MiB goes up in parts), the size limits (413), bytes that are not
 * what they claim (415), the presigned URL's public address and expiry, media in tweets (someone else's refused, deleted with the
 * tweet), and the store down (503, no metadata left behind).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MediaIT {
    private static final int MIB = 1024 * 1024;
    private static final HttpClient HTTP =
            HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    private FlockStack stack;
    private Account owner;

    /** A second stack with an S3 server of its own (so a test can stop it) and presigned URLs of 2 seconds. */
    private S3Server ownStore;

    private FlockStack shortLived;

    @BeforeAll
    void start() {
        stack = new FlockStack(CassandraServer.shared(), "media").withObjectStore(S3Server.shared());
        stack.start(1);
        owner = new FlockClient(stack.apiUri()).signUp(Handles.fresh("media"));
        ownStore = S3Server.start(flock.testkit.ProjectLayout.scratch("media-own-s3"));
        // Media never attached are cleaned up after 3 s here (a day by default), swept every second.
        List<String> options = new ArrayList<>(flock.testkit.JvmProcess.TEST_GC);
        options.add("-Dflock.media.unattached-ttl=PT3S");
        options.add("-Dflock.media.cleanup-every=PT1S");
        shortLived = new FlockStack(CassandraServer.shared(), "media_expiry")
                .withObjectStore(ownStore)
                .withJvmOptions(options);
        shortLived.startMember();
        shortLived.startApi(
                "api-node",
                "flock.apinode.Main",
                flock.testkit.JvmProcess.DEFAULT_HEAP,
                Map.of("flock.media.url-expiry", "PT2S", "flock.media.public-endpoint", publicEndpoint()));
        shortLived.awaitMembers(1);
    }

    /** The stacks before the store of one of them: members may still be removing media as they leave. */
    @AfterAll
    void stop() {
        stack.close();
        shortLived.close();
        ownStore.close();
    }

    @Test
    void should_give_back_an_image_byte_for_byte_through_a_presigned_url() throws Exception {
        byte[] png = file(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A}, 0, 300_000);

        HttpResponse<String> uploaded = upload("image/png", png, true);

        assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(201);
        JsonObject media = json(uploaded.body());
        assertThat(media.getString("contentType")).isEqualTo("image/png");
        assertThat(media.getJsonNumber("size").longValue()).isEqualTo(png.length);
        HttpResponse<byte[]> fetched = fetch(media.getString("url"));
        assertThat(fetched.statusCode()).isEqualTo(200);
        assertThat(fetched.body()).isEqualTo(png);
    }

    @Test
    void should_store_a_video_over_5_mib_in_parts_and_give_it_back_byte_for_byte() throws Exception {
        byte[] mp4 = file(new byte[] {0, 0, 0, 0x18, 'f', 't', 'y', 'p', 'i', 's', 'o', 'm'}, 0, 6 * MIB + 12_345);

        // Without a Content-Length (chunked), as a browser streaming a file may send it: the API cannot know the
        // size, so the object store gets it in parts of 5 MiB.
        HttpResponse<String> uploaded = upload("video/mp4", mp4, false);

        assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(201);
        HttpResponse<byte[]> fetched = fetch(json(uploaded.body()).getString("url"));
        assertThat(fetched.body()).isEqualTo(mp4);
        assertThat(fetched.headers().firstValue("ETag"))
                .as("a multipart object's ETag ends with its part count")
                .hasValueSatisfying(etag -> assertThat(etag).matches("\"?[0-9a-f]+-2\"?"));
    }

    @Test
    void should_refuse_an_image_over_8_mib_with_413_and_store_nothing() throws Exception {
        byte[] big = file(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF}, 0, 8 * MIB + 1);
        int before = objects();

        HttpResponse<String> declared = upload("image/jpeg", big, true);
        HttpResponse<String> streamed = upload("image/jpeg", big, false);

        assertThat(declared.statusCode()).as("a Content-Length past the limit").isEqualTo(413);
        assertThat(streamed.statusCode())
                .as("a chunked body that runs past the limit")
                .isEqualTo(413);
        assertThat(streamed.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(objects()).as("objects in the bucket").isEqualTo(before);
    }

    @Test
    void should_refuse_bytes_that_are_not_the_declared_type_with_415() throws Exception {
        byte[] jpeg = file(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF}, 0, 10_000);

        HttpResponse<String> mismatched = upload("image/png", jpeg, true);
        HttpResponse<String> unsupported = upload("text/plain", jpeg, true);

        assertThat(mismatched.statusCode()).isEqualTo(415);
        assertThat(json(mismatched.body()).getString("detail")).contains("not image/png");
        assertThat(unsupported.statusCode()).isEqualTo(415);
        assertThat(upload("image/jpeg", jpeg, true).statusCode())
                .as("the same bytes, declared right")
                .isEqualTo(201);
    }

    @Test
    void should_redirect_to_a_url_at_the_public_address_that_expires() throws Exception {
        FlockClient client = new FlockClient(shortLived.apiUri());
        Account author = client.signUp(Handles.fresh("expiry"));
        byte[] gif = file(new byte[] {'G', 'I', 'F', '8', '9', 'a'}, 0, 1_000);
        JsonObject uploaded =
                json(send(shortLived.apiUri(), author, "image/gif", gif, true).body());
        String url = uploaded.getString("url");
        // On a tweet, so that this stack's quick cleanup of unattached media leaves it alone.
        assertThat(client.tweetWithMedia(author, "gif", uploaded.getString("id"))
                        .status())
                .isEqualTo(201);
        String presigned = redirect(shortLived.apiUri(), url);
        assertThat(presigned).as("signed for the address browsers use").startsWith(publicEndpoint() + "/");
        assertThat(get(presigned).statusCode()).isEqualTo(200);

        await("the presigned URL to expire")
                .atMost(Duration.ofSeconds(30))
                .ignoreExceptions()
                .until(() -> get(presigned).statusCode() == 403);

        assertThat(get(redirect(shortLived.apiUri(), url)).statusCode())
                .as("a fresh redirect signs a fresh URL")
                .isEqualTo(200);
    }

    @Test
    void should_refuse_uploads_with_503_while_the_store_is_down_and_keep_no_metadata() throws Exception {
        FlockClient client = new FlockClient(shortLived.apiUri());
        Account author = client.signUp(Handles.fresh("storedown"));
        byte[] png = file(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A}, 0, 50_000);
        String first = json(send(shortLived.apiUri(), author, "image/png", png, true)
                        .body())
                .getString("id");
        // On a tweet, so that this stack's quick cleanup does not change the count under the test.
        assertThat(client.tweetWithMedia(author, "before", first).status()).isEqualTo(201);
        long metadataBefore = mediaEntries(client);

        ownStore.close();
        HttpResponse<String> refused;
        try {
            refused = send(shortLived.apiUri(), author, "image/png", png, true);
        } finally {
            ownStore.startAgain();
        }

        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(503);
        assertThat(refused.headers().firstValue("Retry-After")).isPresent();
        assertThat(json(refused.body()).getString("detail")).contains("media store");
        assertThat(mediaEntries(client)).as("no metadata without an object").isEqualTo(metadataBefore);
        assertThat(send(shortLived.apiUri(), author, "image/png", png, true).statusCode())
                .as("uploads taken again once the store is back")
                .isEqualTo(201);
    }

    @Test
    void should_carry_media_in_a_tweet_refuse_them_to_others_and_delete_them_with_the_tweet() throws Exception {
        FlockClient client = new FlockClient(stack.apiUri());
        byte[] jpeg = file(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF}, 0, 20_000);
        JsonObject media = json(upload("image/jpeg", jpeg, true).body());
        String mediaId = media.getString("id");
        Account other = client.signUp(Handles.fresh("thief"));

        FlockClient.Answer stolen = client.tweetWithMedia(other, "mine now", mediaId);
        FlockClient.Answer posted = client.tweetWithMedia(owner, "a picture", mediaId);

        assertThat(stolen.status()).as("someone else's media").isEqualTo(400);
        assertThat(stolen.string("detail")).contains("no media " + mediaId + " was uploaded by you");
        assertThat(posted.status()).as(posted.body()).isEqualTo(201);
        JsonObject shown = client.get("/api/v1/tweets/" + posted.string("id"), null)
                .json()
                .getJsonArray("media")
                .getJsonObject(0);
        assertThat(shown.getString("contentType")).isEqualTo("image/jpeg");
        assertThat(fetch(shown.getString("url")).body()).isEqualTo(jpeg);

        assertThat(client.delete("/api/v1/tweets/" + posted.string("id"), owner.token())
                        .status())
                .isEqualTo(204);

        assertThat(client.get("/api/v1/media/" + mediaId, null).status()).isEqualTo(404);
        assertThat(objectExists("media/" + owner.id() + "/" + mediaId))
                .as("the object")
                .isFalse();
    }

    @Test
    void should_remove_media_never_attached_once_they_are_old_and_keep_attached_ones() throws Exception {
        FlockClient client = new FlockClient(shortLived.apiUri());
        Account author = client.signUp(Handles.fresh("cleanup"));
        byte[] png = file(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A}, 0, 5_000);
        long uploadedAt = System.nanoTime();
        String orphan = json(send(shortLived.apiUri(), author, "image/png", png, true)
                        .body())
                .getString("id");
        String kept = json(send(shortLived.apiUri(), author, "image/png", png, true)
                        .body())
                .getString("id");
        assertThat(client.tweetWithMedia(author, "kept", kept).status()).isEqualTo(201);

        await("the unattached media removed")
                .atMost(Duration.ofSeconds(60))
                .ignoreExceptions()
                .until(() -> client.get("/api/v1/media/" + orphan, null).status() == 404);
        Duration gone = Duration.ofNanos(System.nanoTime() - uploadedAt);

        assertThat(objectExists(ownStore, "media/" + author.id() + "/" + orphan))
                .as("its bytes")
                .isFalse();
        assertThat(client.get("/api/v1/media/" + kept, null).status())
                .as("the attached one")
                .isEqualTo(302);
        assertThat(objectExists(ownStore, "media/" + author.id() + "/" + kept)).isTrue();
        System.out.printf("media cleanup: an unattached media (ttl 3 s) gone %d ms after upload%n", gone.toMillis());
    }

    /** Entries of the media map over the grid, from the admin view. */
    private static long mediaEntries(FlockClient client) {
        return client.get("/admin/cluster", FlockStack.ADMIN_TOKEN)
                .json()
                .getJsonObject("maps")
                .getJsonNumber("media")
                .longValue();
    }

    private static boolean objectExists(String key) throws Exception {
        return objectExists(S3Server.shared(), key);
    }

    private static boolean objectExists(S3Server server, String key) throws Exception {
        try {
            s3(server)
                    .statObject(io.minio.StatObjectArgs.builder()
                            .bucket("flock-media")
                            .object(key)
                            .build());
            return true;
        } catch (io.minio.errors.ErrorResponseException e) {
            return false;
        }
    }

    private HttpResponse<String> upload(String contentType, byte[] bytes, boolean withLength) throws Exception {
        return send(stack.apiUri(), owner, contentType, bytes, withLength);
    }

    private static HttpResponse<String> send(URI api, Account who, String contentType, byte[] bytes, boolean withLength)
            throws IOException, InterruptedException {
        HttpRequest.BodyPublisher body = withLength
                ? HttpRequest.BodyPublishers.ofByteArray(bytes)
                : HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bytes));
        HttpRequest request = HttpRequest.newBuilder(api.resolve("/api/v1/media"))
                .header("Authorization", "Bearer " + who.token())
                .header("Content-Type", contentType)
                .POST(body)
                .build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }

    /**
     * The second stack's store as browsers would reach it: another name for the same server, as a cluster's public
     * address for its internal store is. A URL signed for the internal name would be refused here (S3 signs the host).
     */
    private String publicEndpoint() {
        return ownStore.endpoint().replace("127.0.0.1", "localhost");
    }

    /** Follows the API's redirect to the object store, as a browser would. */
    private HttpResponse<byte[]> fetch(String url) throws Exception {
        return HTTP.send(
                HttpRequest.newBuilder(URI.create(redirect(stack.apiUri(), url)))
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    private static String redirect(URI api, String url) throws IOException, InterruptedException {
        HttpResponse<Void> answer =
                HTTP.send(HttpRequest.newBuilder(api.resolve(url)).build(), HttpResponse.BodyHandlers.discarding());
        assertThat(answer.statusCode()).isEqualTo(302);
        return answer.headers().firstValue("Location").orElseThrow();
    }

    private static HttpResponse<Void> get(String url) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.discarding());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The objects in the media bucket, listed straight from the S3 server. */
    private static int objects() throws Exception {
        MinioClient s3 = s3();
        if (!s3.bucketExists(
                io.minio.BucketExistsArgs.builder().bucket("flock-media").build())) {
            return 0; // the API makes the bucket with its first upload
        }
        List<Item> items = new ArrayList<>();
        for (Result<Item> item : s3.listObjects(
                ListObjectsArgs.builder().bucket("flock-media").recursive(true).build())) {
            items.add(item.get());
        }
        return items.size();
    }

    private static MinioClient s3() {
        return s3(S3Server.shared());
    }

    private static MinioClient s3(S3Server server) {
        return MinioClient.builder()
                .endpoint(server.endpoint())
                .credentials(S3Server.ACCESS_KEY, S3Server.SECRET_KEY)
                .region("us-east-1")
                .build();
    }

    /** A file of the given kind: its magic number at the given offset, then random bytes up to the size. */
    private static byte[] file(byte[] magic, int at, int size) {
        byte[] bytes = new byte[size];
        new Random(size).nextBytes(bytes);
        System.arraycopy(magic, 0, bytes, at, magic.length);
        return bytes;
    }

    private static JsonObject json(String body) {
        return Json.createReader(new StringReader(body)).readObject();
    }
}
