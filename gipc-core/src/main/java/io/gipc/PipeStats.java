package io.gipc;

/**
 * A snapshot of one pipe's traffic as seen by this process: what was put and got through the ends held here.
 * Ends moved to a child count there, not here.
 *
 * @param name the pipe's name (given at creation, or generated)
 * @param state {@code open} while an end is usable in this process; {@code closed} for the summed totals of
 *     the named pipes of this name whose ends here are all closed or moved to children
 * @param messagesOut messages put here
 * @param bytesOut encoded bytes put here
 * @param messagesIn messages got here
 * @param bytesIn encoded bytes got here
 */
public record PipeStats(String name, String state, long messagesOut, long bytesOut, long messagesIn, long bytesIn) {}
