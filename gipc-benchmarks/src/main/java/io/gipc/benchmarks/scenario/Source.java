package io.gipc.benchmarks.scenario;

/**
 * Where a benchmark reads whole messages from: a gipc {@code PipeReader::get} or a baseline frame channel. The
 * scenarios' child code is written against this so that gipc and the baseline run the same code.
 */
@FunctionalInterface
public interface Source {

    /**
     * Reads one whole message, blocking until it arrived.
     *
     * @return the message
     * @throws Exception when the channel fails or ends
     */
    byte[] get() throws Exception;
}
