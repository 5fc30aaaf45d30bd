package io.gipc.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

/** Real HTTP calls to a test application's Actuator endpoints on localhost, every one with a deadline. */
public final class ActuatorClient {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private final String base;

    /**
     * Creates a client.
     *
     * @param port the application's port
     */
    public ActuatorClient(Object port) {
        this.base = "http://localhost:" + port;
    }

    /**
     * Sends {@code GET path}.
     *
     * @param path the path, {@code /actuator/...}
     * @return the response, whatever its status
     * @throws IOException when the request fails
     * @throws InterruptedException when interrupted
     */
    public HttpResponse<String> send(String path) throws IOException, InterruptedException {
        return this.http.send(
                HttpRequest.newBuilder(URI.create(this.base + path))
                        .timeout(TIMEOUT)
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /**
     * Sends {@code POST path} with an empty JSON object.
     *
     * @param path the path
     * @return the response, whatever its status
     * @throws IOException when the request fails
     * @throws InterruptedException when interrupted
     */
    public HttpResponse<String> post(String path) throws IOException, InterruptedException {
        return this.http.send(
                HttpRequest.newBuilder(URI.create(this.base + path))
                        .timeout(TIMEOUT)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /**
     * Sends {@code GET path} and checks the status.
     *
     * @param path the path
     * @param status the expected status
     * @return the body
     * @throws IOException when the request fails
     * @throws InterruptedException when interrupted
     */
    public String get(String path, int status) throws IOException, InterruptedException {
        HttpResponse<String> response = send(path);
        assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(status);
        return response.body();
    }

    /**
     * Reads one statistic of a meter from {@code /actuator/metrics}.
     *
     * @param meter the meter, with {@code ?tag=...} selectors
     * @param statistic {@code COUNT}, {@code VALUE}, ...
     * @return its value
     * @throws IOException when the request fails
     * @throws InterruptedException when interrupted
     */
    public double measurement(String meter, String statistic) throws IOException, InterruptedException {
        String json = get("/actuator/metrics/" + meter, 200);
        List<Number> values = JsonPath.read(json, "$.measurements[?(@.statistic == '" + statistic + "')].value");
        assertThat(values).as(meter + " " + statistic).hasSize(1);
        return values.get(0).doubleValue();
    }
}
