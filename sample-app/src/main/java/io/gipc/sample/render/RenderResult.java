package io.gipc.sample.render;

/**
 * What a render worker returns for a job: the pixels, and what the worker can say about itself.
 *
 * @param rgb the pixels, row after row, as {@code 0xRRGGBB}
 * @param cpuNanos the CPU time the worker spent rendering
 * @param workerPid the worker JVM's pid
 * @param workerJobs how many jobs this worker has rendered, this one included: its context, and this count, last as
 *     long as the worker
 */
public record RenderResult(int[] rgb, long cpuNanos, long workerPid, long workerJobs) {}
