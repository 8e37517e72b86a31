package flock.apinode;

import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.testing.junit5.DirectClient;
import io.helidon.webserver.testing.junit5.RoutingTest;
import io.helidon.webserver.testing.junit5.SetUpRoute;

/** The API contract without a socket. */
@RoutingTest
class ApiRoutingTest extends ApiContractTest {
    ApiRoutingTest(DirectClient client) {
        super(client);
    }

    @SetUpRoute
    static void route(HttpRouting.Builder routing) {
        routing(routing);
    }
}
