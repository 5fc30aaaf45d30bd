package io.gipc.sample.render;

import io.gipc.ChildProcess;
import io.gipc.PipeWriter;
import java.lang.management.ManagementFactory;
import org.springframework.stereotype.Component;

/**
 * The render worker: a {@link ChildProcess @ChildProcess} entry point that runs in a child JVM of its own for every
 * job, so that a job that exhausts memory, runs away or crashes the JVM takes only its own process down.
 *
 * <p>It streams the image back over the pipe in bands of {@value #BAND} rows. {@code PLAIN} mode: the child loads no
 * Spring and starts in a fraction of a second.
 */
@Component
public class MandelbrotWorker {

    /** Rows per message. */
    static final int BAND = 16;

    /** The exit status of a simulated crash, that of a JVM killed by SIGABRT after a fault in native code. */
    static final int CRASH_STATUS = 134;

    /**
     * Renders {@code job} and sends its rows to {@code out}.
     *
     * @param job the job
     * @param out where the rows go; closed when done
     */
    @ChildProcess(value = "render", mode = ChildProcess.Mode.PLAIN)
    public void render(RenderJob job, PipeWriter<RenderMessage> out) {
        long start = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
        try (out) {
            for (int first = 0; first < job.height(); first += BAND) {
                int rows = Math.min(BAND, job.height() - first);
                int[] rgb = new int[rows * job.width()];
                for (int row = 0; row < rows; row++) {
                    if (first + row == job.crashAtRow()) {
                        // What a fault in a native image library looks like from outside: the JVM is gone, mid-job.
                        Runtime.getRuntime().halt(CRASH_STATUS);
                    }
                    renderRow(job, first + row, rgb, row * job.width());
                }
                out.put(new RenderMessage.Rows(first, rgb));
            }
            long cpu = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - start;
            out.put(new RenderMessage.Done(cpu));
        }
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
