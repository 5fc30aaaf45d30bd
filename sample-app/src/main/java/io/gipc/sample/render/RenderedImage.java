package io.gipc.sample.render;

/**
 * A finished job.
 *
 * @param png the image, PNG-encoded
 * @param worker the name of the pool worker that rendered it
 * @param workerJobs how many jobs that worker has rendered, this one included
 * @param workerCpuMillis the CPU time the worker spent rendering
 * @param millis the job's wall-clock time, time in the queue included
 */
public record RenderedImage(byte[] png, String worker, long workerJobs, long workerCpuMillis, long millis) {}
