package io.gipc.sample.render;

import java.io.Serializable;

/**
 * One image to render: a view of the Mandelbrot set. Travels to the worker as a launch argument.
 *
 * @param width the image's width in pixels
 * @param height the image's height in pixels
 * @param centerX the real part at the image's centre
 * @param centerY the imaginary part at the image's centre
 * @param scale the width of the view in the complex plane
 * @param maxIterations the iteration limit per pixel: the job's cost
 * @param crashAtRow the row at which the worker simulates a crash of native code, or -1
 */
public record RenderJob(
        int width, int height, double centerX, double centerY, double scale, int maxIterations, int crashAtRow)
        implements Serializable {

    /** The largest width or height accepted. */
    public static final int MAX_SIZE = 2048;

    /** The largest iteration limit accepted. */
    public static final int MAX_ITERATIONS = 1_000_000;

    /**
     * Validates the job.
     *
     * @throws IllegalArgumentException naming the parameter that is out of range
     */
    public RenderJob {
        check("width", width, 1, MAX_SIZE);
        check("height", height, 1, MAX_SIZE);
        check("maxIterations", maxIterations, 1, MAX_ITERATIONS);
        check("crashAtRow", crashAtRow, -1, height - 1);
        if (!(scale > 0) || !Double.isFinite(scale)) {
            throw new IllegalArgumentException("scale must be a positive number, was " + scale);
        }
        if (!Double.isFinite(centerX) || !Double.isFinite(centerY)) {
            throw new IllegalArgumentException("centerX and centerY must be finite numbers");
        }
    }

    private static void check(String name, int value, int min, int max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(name + " must be between " + min + " and " + max + ", was " + value);
        }
    }
}
