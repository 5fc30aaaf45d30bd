package io.gipc.sample.render;

import io.gipc.GipcEofException;
import io.gipc.GipcException;
import io.gipc.GipcTaskException;
import io.gipc.GipcTimeoutException;
import io.gipc.GipcWorkerDiedException;
import io.gipc.Pipe;
import io.gipc.PipeReader;
import io.gipc.WorkerStats;
import io.gipc.autoconfigure.EntryPointPool;
import io.gipc.autoconfigure.GipcProcessLauncher;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Profile;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/**
 * Renders images on the {@code render} pool ({@code gipc.pools.render}): warm {@link MandelbrotWorker} JVMs that
 * run job after job and return the pixels. Each job also gets a pipe named {@value #PROGRESS_PIPE}, which moves
 * into the worker for that job and over which the worker counts the rows it has done; every job's pipe has that one
 * name (a role, not an identity), so its meters stay one series per direction.
 *
 * <p>A worker that crashes, runs out of memory or out of time fails its own job only: the service answers that job
 * with an error, the pool replaces the worker, and the next job is served as usual.
 *
 * <p>Threading: {@link #render} may be called from many request threads; the pool runs as many jobs at once as it
 * has workers, queues the others, and the service refuses a job while {@code sample.render.max-queued} jobs wait.
 *
 * <p>Not part of the examples (profile {@code example}), which have no render pool.
 */
@Service
@Profile("!example")
public class RenderService {

    private static final Log logger = LogFactory.getLog(RenderService.class);

    /** The name of every job's progress pipe. */
    static final String PROGRESS_PIPE = "render-progress";

    /** How long the end of a progress pipe may take to arrive once its job has ended. */
    private static final Duration PROGRESS_END = Duration.ofSeconds(10);

    private final EntryPointPool pool;

    private final GipcProcessLauncher launcher;

    private final RenderProperties properties;

    private final Map<String, Counter> outcomes;

    RenderService(
            @Qualifier("render") EntryPointPool pool,
            GipcProcessLauncher launcher,
            RenderProperties properties,
            MeterRegistry registry) {
        this.pool = pool;
        this.launcher = launcher;
        this.properties = properties;
        this.outcomes = Map.of(
                "ok", outcome(registry, "ok"),
                "crashed", outcome(registry, "crashed"),
                "timeout", outcome(registry, "timeout"),
                "failed", outcome(registry, "failed"),
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
     * Renders a job on a worker of the pool.
     *
     * @param job the job
     * @return the image
     * @throws RenderFailedException when the worker crashed, timed out or failed, or too many jobs wait
     */
    public RenderedImage render(RenderJob job) {
        long start = System.nanoTime();
        int queued = this.pool.stats().queued();
        if (queued >= this.properties.maxQueued()) {
            count("rejected");
            throw new RenderFailedException(
                    HttpStatus.SERVICE_UNAVAILABLE,
                    "No render worker free",
                    "all " + this.pool.stats().size() + " render workers are busy and " + queued
                            + " jobs wait (sample.render.max-queued); try again later");
        }
        try (Pipe<Integer> progress = this.launcher.pipe(PROGRESS_PIPE)) {
            CompletableFuture<RenderResult> rendering = this.pool.call(job, progress.writer());
            RenderResult result;
            try {
                result = rendering.get();
            } catch (ExecutionException ex) {
                throw failed(job, ex.getCause(), rowsDone(progress));
            } catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                rendering.cancel(true);
                throw new RenderFailedException(
                        HttpStatus.SERVICE_UNAVAILABLE, "Render interrupted", "the request was interrupted");
            }
            rowsDone(progress);
            count("ok");
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            return new RenderedImage(
                    png(job, result.rgb()),
                    workerName(result.workerPid()),
                    result.workerJobs(),
                    result.cpuNanos() / 1_000_000,
                    millis);
        }
    }

    private RenderFailedException failed(RenderJob job, Throwable failure, int rows) {
        String done = "the job stopped after " + rows + " of " + job.height() + " rows: ";
        if (failure instanceof GipcWorkerDiedException died) {
            logger.warn("Render worker died: " + done + died.getMessage());
            count("crashed");
            return new RenderFailedException(
                    HttpStatus.BAD_GATEWAY,
                    "Render worker crashed",
                    done + died.getMessage() + ". The job was not completed, the service is unaffected");
        }
        if (failure instanceof GipcTimeoutException timeout) {
            count("timeout");
            return new RenderFailedException(
                    HttpStatus.GATEWAY_TIMEOUT, "Render worker timed out", done + timeout.getMessage());
        }
        count("failed");
        String cause = (failure instanceof GipcTaskException task && task.getCause() != null)
                ? String.valueOf(task.getCause())
                : String.valueOf(failure.getMessage());
        return new RenderFailedException(
                (failure instanceof GipcException) ? HttpStatus.SERVICE_UNAVAILABLE : HttpStatus.INTERNAL_SERVER_ERROR,
                "Render failed",
                done + cause);
    }

    /**
     * Reads, once the job has ended, what its worker said about its progress, up to the end of the pipe: the worker
     * closed its end when the job ended (or died with it).
     */
    private static int rowsDone(Pipe<Integer> progress) {
        try {
            // a job that never reached a worker left the writer here: close it, so that the end of the pipe comes
            progress.writer().close();
        } catch (GipcException ex) {
            // moved into the worker with the job: closed there
        }
        PipeReader<Integer> reader = progress.reader();
        int rows = 0;
        try {
            while (true) {
                rows = reader.get(PROGRESS_END);
            }
        } catch (GipcEofException | GipcTimeoutException ex) {
            return rows;
        }
    }

    private String workerName(long pid) {
        for (WorkerStats worker : this.pool.stats().workers()) {
            if (worker.pid() == pid) {
                return worker.name();
            }
        }
        return "pid " + pid;
    }

    private void count(String outcome) {
        this.outcomes.get(outcome).increment();
    }

    private static byte[] png(RenderJob job, int[] rgb) {
        BufferedImage image = new BufferedImage(job.width(), job.height(), BufferedImage.TYPE_INT_RGB);
        image.setRGB(0, 0, job.width(), job.height(), rgb, 0, job.width());
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", bytes);
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        return bytes.toByteArray();
    }
}
