package io.gipc.benchmarks.scenario;

/** Where a benchmark writes whole messages to: a gipc {@code PipeWriter::put} or a baseline frame channel. */
@FunctionalInterface
public interface Sink {

    /**
     * Writes one whole message.
     *
     * @param message the message; the callee does not keep it after returning
     * @throws Exception when the channel fails
     */
    void put(byte[] message) throws Exception;
}
