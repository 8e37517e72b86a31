package flock.apinode;

import io.helidon.webclient.http1.Http1Client;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.testing.junit5.ServerTest;
import io.helidon.webserver.testing.junit5.SetUpRoute;

/** The API contract on a real port. */
@ServerTest
class ApiServerTest extends ApiContractTest {
    ApiServerTest(Http1Client client) {
        super(client);
    }

    @SetUpRoute
    static void route(HttpRouting.Builder routing) {
        routing(routing);
    }
}
