package io.gipc.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Runs the web service from the built jar and uses it over HTTP: images rendered on the pool's warm worker JVMs, a
 * worker that crashes mid-job and is replaced, Actuator.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RenderServiceIT {

    private static final Duration STARTUP_TIMEOUT = Duration.ofMinutes(3);

    private static final Duration REQUEST_TIMEOUT = Duration.ofMinutes(2);

    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    private static SampleJarProcess app;

    private static HttpClient http;

    private static URI base;

    @BeforeAll
    static void startService() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        app = SampleJarProcess.start("--server.port=" + port);
        app.awaitStarted(STARTUP_TIMEOUT);
        http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(30)).build();
        base = URI.create("http://localhost:" + port);
    }

    @AfterAll
    static void stopService() {
        if (http != null) {
            http.close();
        }
        if (app != null) {
            app.close();
        }
    }

    @Test
    void rendersAnImageOnAWarmPoolWorker() throws Exception {
        HttpResponse<byte[]> response = get("/api/render?width=160&height=120");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("image/png");
        assertThat(response.headers().firstValue("X-Render-Worker"))
                .hasValueSatisfying(name -> assertThat(name).matches("render-worker-\\d+"));
        assertThat(response.headers().firstValue("X-Render-Worker-Jobs")).isPresent();
        assertThat(Arrays.copyOf(response.body(), PNG_SIGNATURE.length)).isEqualTo(PNG_SIGNATURE);
    }

    @Test
    void poolWorkersKeepTheirContextAndTakeJobAfterJob() throws Exception {
        Map<String, List<Long>> jobsByWorker = new LinkedHashMap<>();
        for (int i = 0; i < 4; i++) {
            HttpResponse<byte[]> response = get("/api/render?width=48&height=48");
            assertThat(response.statusCode()).isEqualTo(200);
            jobsByWorker
                    .computeIfAbsent(
                            response.headers().firstValue("X-Render-Worker").orElseThrow(), w -> new ArrayList<>())
                    .add(Long.parseLong(response.headers()
                            .firstValue("X-Render-Worker-Jobs")
                            .orElseThrow()));
        }
        // 2 workers, 4 jobs: one worker took at least two, and its count (a field of its bean) went on growing
        assertThat(jobsByWorker.values()).anySatisfy(jobs -> assertThat(jobs).hasSizeGreaterThanOrEqualTo(2));
        assertThat(jobsByWorker.values())
                .allSatisfy(jobs -> assertThat(jobs).isSorted().doesNotHaveDuplicates());
    }

    @Test
    void aWorkerThatCrashesMidJobFailsOnlyItsOwnJobAndIsReplaced() throws Exception {
        CompletableFuture<HttpResponse<byte[]>> crashing = getAsync("/api/render?width=200&height=200&crashAtRow=100");
        CompletableFuture<HttpResponse<byte[]>> healthy = getAsync("/api/render?width=200&height=200");

        HttpResponse<byte[]> crashed = crashing.get();
        assertThat(crashed.statusCode()).isEqualTo(502);
        assertThat(crashed.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(new String(crashed.body()))
                .contains("\"title\":\"Render worker crashed\"")
                .containsPattern("the job stopped after \\d+ of 200 rows: worker 'render-worker-\\d+' \\(pid \\d+\\)"
                        + " of pool 'render' died while running task \\d+ \\(exit code -?\\d+\\)")
                .contains("The job was not completed, the service is unaffected");
        assertThat(healthy.get().statusCode()).isEqualTo(200);

        // The service keeps serving, counts the crash, and the pool is back to two workers.
        assertThat(get("/api/render?width=64&height=64").statusCode()).isEqualTo(200);
        assertThat(text("/actuator/metrics/sample.render.jobs?tag=outcome:crashed"))
                .containsPattern("\"value\":[1-9]");
        assertThat(text("/actuator/metrics/gipc.pool.tasks?tag=pool:render&tag=outcome:died"))
                .containsPattern("\"value\":[1-9]");
        await().atMost(REQUEST_TIMEOUT)
                .untilAsserted(() -> assertThat(text("/actuator/gipc"))
                        .containsPattern("\"name\":\"render\",\"entryPoint\":\"render\",\"size\":2,\"alive\":2"));
        assertThat(text("/actuator/health")).startsWith("{").contains("\"status\":\"UP\"");
    }

    @Test
    void refusesAnInvalidJobWithAProblemDetail() throws Exception {
        HttpResponse<byte[]> response = get("/api/render?width=0");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(new String(response.body())).contains("width must be between 1 and 2048, was 0");
    }

    @Test
    void exposesTheGipcEndpointMetricsAndThePage() throws Exception {
        get("/api/render?width=32&height=32");

        assertThat(text("/actuator/gipc"))
                .contains("\"children\"")
                .contains("\"pools\"")
                .contains("\"entryPoint\":\"render\"")
                .containsPattern("\"workers\":\\[\\{\"name\":\"render-worker-\\d+\",\"pid\":\\d+,\"busy\":")
                .contains("\"pipeTotals\"")
                .containsPattern("\"name\":\"render-progress\",\"openPipes\":\\d+,\"closedPipes\":[1-9]");
        assertThat(text("/actuator/metrics"))
                .contains("\"gipc.children.started\"")
                .contains("\"gipc.pipe.messages\"")
                .contains("\"gipc.pool.tasks\"")
                .contains("\"gipc.pool.busy\"")
                .contains("\"sample.render.jobs\"");
        assertThat(text("/actuator/metrics/gipc.pool.tasks?tag=pool:render&tag=outcome:success"))
                .containsPattern("\"value\":[1-9]");
        assertThat(text("/actuator/metrics/gipc.pipe.messages?tag=name:render-progress&tag=direction:in"))
                .containsPattern("\"value\":[1-9]");
        assertThat(text("/")).contains("pipeTotals").contains("gipc.pools");
        assertThat(text("/")).contains("/actuator/gipc").contains("/api/render");
    }

    @Test
    @Order(Integer.MAX_VALUE)
    void stopsOnSigtermAndNoWorkerOutlivesIt() {
        app.terminate();

        // awaitExit also waits for the output to close, which happens only once every child has exited.
        assertThat(app.awaitExit(STARTUP_TIMEOUT)).as(app.output()).isIn(0, 143);
    }

    private static HttpResponse<byte[]> get(String path) throws IOException, InterruptedException {
        return http.send(request(path), BodyHandlers.ofByteArray());
    }

    private static CompletableFuture<HttpResponse<byte[]>> getAsync(String path) {
        return http.sendAsync(request(path), BodyHandlers.ofByteArray())
                .orTimeout(REQUEST_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    }

    private static String text(String path) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(request(path), BodyHandlers.ofString());
        assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
        return response.body();
    }

    private static HttpRequest request(String path) {
        return HttpRequest.newBuilder(base.resolve(path))
                .timeout(REQUEST_TIMEOUT)
                .build();
    }
}
