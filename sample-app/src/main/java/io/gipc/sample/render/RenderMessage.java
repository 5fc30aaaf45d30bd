package io.gipc.sample.render;

/** What a render worker sends back over its pipe: bands of rows as they are done, then {@link Done}. */
public sealed interface RenderMessage {

    /**
     * Finished rows of the image.
     *
     * @param firstRow the index of the first row
     * @param rgb the pixels of the rows, row after row, as {@code 0xRRGGBB}
     */
    record Rows(int firstRow, int[] rgb) implements RenderMessage {}

    /**
     * The last message: every row was sent.
     *
     * @param cpuNanos the CPU time the worker spent rendering
     */
    record Done(long cpuNanos) implements RenderMessage {}
}
