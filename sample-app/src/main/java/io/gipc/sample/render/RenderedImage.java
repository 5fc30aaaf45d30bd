package io.gipc.sample.render;

/**
 * A finished job.
 *
 * @param png the image, PNG-encoded
 * @param worker the name of the child that rendered it
 * @param workerCpuMillis the CPU time the worker spent rendering
 * @param millis the job's wall-clock time, worker start included
 */
public record RenderedImage(byte[] png, String worker, long workerCpuMillis, long millis) {}
