package io.gipc.sample.render;

import io.gipc.ChildProcess;
import io.gipc.PipeWriter;
import java.lang.management.ManagementFactory;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.stereotype.Component;

/**
 * The render worker: a {@link ChildProcess @ChildProcess} entry point run by the {@code render} pool
 * ({@code gipc.pools.render}), whose warm worker JVMs take job after job, so that a job that exhausts memory, runs
 * away or crashes the JVM takes only its own worker down (the pool replaces it).
 *
 * <p>{@code SPRING} mode: each worker starts this application's context once, without web server, and keeps it for
 * every job; this bean, and its job count, live as long as the worker. It reports progress over a pipe every
 * {@value #BAND} rows and returns the image.
 */
@Component
public class MandelbrotWorker {

    /** Rows per progress message. */
    static final int BAND = 16;

    /** The exit status of a simulated crash, that of a JVM killed by SIGABRT after a fault in native code. */
    static final int CRASH_STATUS = 134;

    private final AtomicLong jobs = new AtomicLong();

    /**
     * Renders {@code job}, telling {@code progress} how many rows are done.
     *
     * @param job the job
     * @param progress where the number of finished rows goes; closed when the job ends
     * @return the image
     */
    @ChildProcess("render")
    public RenderResult render(RenderJob job, PipeWriter<Integer> progress) {
        long start = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
        int[] rgb = new int[job.width() * job.height()];
        for (int y = 0; y < job.height(); y++) {
            if (y == job.crashAtRow()) {
                // What a fault in a native image library looks like from outside: the JVM is gone, mid-job.
                Runtime.getRuntime().halt(CRASH_STATUS);
            }
            renderRow(job, y, rgb, y * job.width());
            if ((y + 1) % BAND == 0 || y + 1 == job.height()) {
                progress.put(y + 1);
            }
        }
        long cpu = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - start;
        return new RenderResult(rgb, cpu, ProcessHandle.current().pid(), this.jobs.incrementAndGet());
    }

    private static void renderRow(RenderJob job, int y, int[] rgb, int offset) {
        double pixel = job.scale() / job.width();
        double ci = job.centerY() + (y - job.height() / 2.0) * pixel;
        for (int x = 0; x < job.width(); x++) {
            double cr = job.centerX() + (x - job.width() / 2.0) * pixel;
            double zr = 0;
            double zi = 0;
            int n = 0;
            while (n < job.maxIterations() && zr * zr + zi * zi <= 4) {
                double t = zr * zr - zi * zi + cr;
                zi = 2 * zr * zi + ci;
                zr = t;
                n++;
            }
            rgb[offset + x] = colour(n, job.maxIterations());
        }
    }

    private static int colour(int n, int max) {
        if (n >= max) {
            return 0x000000;
        }
        double t = Math.sqrt((double) n / max);
        int r = (int) (9 * (1 - t) * t * t * t * 255);
        int g = (int) (15 * (1 - t) * (1 - t) * t * t * 255);
        int b = (int) (8.5 * (1 - t) * (1 - t) * (1 - t) * t * 255);
        return (Math.min(r, 255) << 16) | (Math.min(g, 255) << 8) | Math.min(b, 255);
    }
}
