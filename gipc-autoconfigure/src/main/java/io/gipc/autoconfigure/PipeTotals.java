package io.gipc.autoconfigure;

/**
 * The traffic of every pipe of one name seen by a {@link GipcRegistry}: those open here and those closed, summed.
 * Pipes created without a name are summed under {@link GipcRegistry#UNNAMED}. Totals never go down.
 *
 * @param name the pipes' name
 * @param openPipes how many of them have an end open here now
 * @param closedPipes how many of them were closed here (or moved every end to children)
 * @param messagesOut messages put here
 * @param bytesOut encoded bytes put here
 * @param messagesIn messages got here
 * @param bytesIn encoded bytes got here
 */
public record PipeTotals(
        String name, int openPipes, long closedPipes, long messagesOut, long bytesOut, long messagesIn, long bytesIn) {}
