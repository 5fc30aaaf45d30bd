package io.gipc.sample.render;

import io.gipc.GipcEofException;
import io.gipc.GipcProcess;
import io.gipc.GipcTimeoutException;
import io.gipc.Pipe;
import io.gipc.PipeReader;
import io.gipc.PipeWriter;
import io.gipc.autoconfigure.GipcProcessLauncher;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/**
 * Renders images in child JVMs: every job gets a fresh {@code render} worker ({@link MandelbrotWorker}) and a pipe
 * named {@value #ROWS_PIPE} over which the worker streams its rows back. Every job's pipe has that one name (a role,
 * not an identity), so the pipe meters stay one series per direction and {@code /actuator/gipc} sums them. A worker that crashes, runs out of memory or out of time fails its own
 * job only; the service answers that job with an error and keeps serving.
 *
 * <p>Threading: {@link #render} may be called from many request threads; at most {@code sample.render.max-workers}
 * workers run at once, the others wait up to {@code sample.render.queue-timeout}.
 */
@Service
public class RenderService {

    private static final Log logger = LogFactory.getLog(RenderService.class);

    private static final Duration EXIT_WAIT = Duration.ofSeconds(10);

    /** The name of every job's pipe. */
    static final String ROWS_PIPE = "render-rows";

    private final GipcProcessLauncher launcher;

    private final RenderProperties properties;

    private final Semaphore workers;

    private final Map<String, Counter> outcomes;

    RenderService(GipcProcessLauncher launcher, RenderProperties properties, MeterRegistry registry) {
        this.launcher = launcher;
        this.properties = properties;
        this.workers = new Semaphore(properties.maxWorkers(), true);
        this.outcomes = Map.of(
                "ok", outcome(registry, "ok"),
                "crashed", outcome(registry, "crashed"),
                "timeout", outcome(registry, "timeout"),
                "rejected", outcome(registry, "rejected"));
    }

    private static Counter outcome(MeterRegistry registry, String outcome) {
        return Counter.builder("sample.render.jobs")
                .description("Render jobs, by outcome")
                .baseUnit("jobs")
                .tag("outcome", outcome)
                .register(registry);
    }

    /**
     * Renders a job in a new worker.
     *
     * @param job the job
     * @return the image
     * @throws RenderFailedException when the worker crashed or timed out, or no worker was free in time
     */
    public RenderedImage render(RenderJob job) {
        long start = System.nanoTime();
        acquireWorker();
        try (Pipe<RenderMessage> pipe = this.launcher.pipe(ROWS_PIPE)) {
            PipeWriter<RenderMessage> rows = pipe.writer();
            GipcProcess worker = this.launcher.start("render", job, rows);
            try {
                return receive(job, pipe.reader(), worker, start);
            } finally {
                if (!worker.join(EXIT_WAIT)) {
                    worker.kill();
                    worker.join(EXIT_WAIT);
                }
            }
        } finally {
            this.workers.release();
        }
    }

    private void acquireWorker() {
        try {
            if (this.workers.tryAcquire(this.properties.queueTimeout().toMillis(), TimeUnit.MILLISECONDS)) {
                return;
            }
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
        this.outcomes.get("rejected").increment();
        throw new RenderFailedException(
                HttpStatus.SERVICE_UNAVAILABLE,
                "No render worker free",
                "all " + this.properties.maxWorkers() + " render workers stayed busy for "
                        + this.properties.queueTimeout().toSeconds() + " s; try again later");
    }

    private RenderedImage receive(RenderJob job, PipeReader<RenderMessage> reader, GipcProcess worker, long start) {
        BufferedImage image = new BufferedImage(job.width(), job.height(), BufferedImage.TYPE_INT_RGB);
        long deadline = start + this.properties.timeout().toNanos();
        int received = 0;
        while (true) {
            RenderMessage message;
            try {
                message = reader.get(Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
            } catch (GipcTimeoutException ex) {
                worker.kill();
                this.outcomes.get("timeout").increment();
                throw new RenderFailedException(
                        HttpStatus.GATEWAY_TIMEOUT,
                        "Render worker timed out",
                        "worker " + worker.name() + " did not finish within "
                                + this.properties.timeout().toSeconds() + " s (" + received + " of "
                                + job.height() + " rows done) and was killed");
            } catch (GipcEofException ex) {
                throw crashed(job, worker, received);
            }
            switch (message) {
                case RenderMessage.Rows rows -> {
                    int count = rows.rgb().length / job.width();
                    image.setRGB(0, rows.firstRow(), job.width(), count, rows.rgb(), 0, job.width());
                    received += count;
                }
                case RenderMessage.Done done -> {
                    this.outcomes.get("ok").increment();
                    long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
                    return new RenderedImage(png(image), worker.name(), done.cpuNanos() / 1_000_000, millis);
                }
            }
        }
    }

    private RenderFailedException crashed(RenderJob job, GipcProcess worker, int received) {
        worker.join(EXIT_WAIT);
        String code = worker.exitCode().isPresent()
                ? "exited with code " + worker.exitCode().getAsInt()
                : "closed its pipe";
        logger.warn("Render worker " + worker.name() + " (pid " + worker.pid() + ") " + code + " after " + received
                + " of " + job.height() + " rows");
        this.outcomes.get("crashed").increment();
        return new RenderFailedException(
                HttpStatus.BAD_GATEWAY,
                "Render worker crashed",
                "worker " + worker.name() + " " + code + " after sending " + received + " of " + job.height()
                        + " rows; the job was not completed, the service is unaffected");
    }

    private static byte[] png(BufferedImage image) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", bytes);
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        return bytes.toByteArray();
    }
}
