package io.gipc.internal.pipe;

import java.util.concurrent.atomic.LongAdder;

/** Traffic through the ends of one pipe held in this process. */
public final class PipeCounters {

    private final String name;
    private final LongAdder messagesOut = new LongAdder();
    private final LongAdder bytesOut = new LongAdder();
    private final LongAdder messagesIn = new LongAdder();
    private final LongAdder bytesIn = new LongAdder();

    /**
     * Creates counters.
     *
     * @param name the pipe's name
     */
    public PipeCounters(String name) {
        this.name = name;
    }

    /**
     * Returns the pipe's name.
     *
     * @return the name
     */
    public String name() {
        return name;
    }

    void sent(int bytes) {
        messagesOut.increment();
        bytesOut.add(bytes);
    }

    void received(int bytes) {
        messagesIn.increment();
        bytesIn.add(bytes);
    }

    /**
     * Returns the messages put here.
     *
     * @return the count
     */
    public long messagesOut() {
        return messagesOut.sum();
    }

    /**
     * Returns the bytes put here.
     *
     * @return the count
     */
    public long bytesOut() {
        return bytesOut.sum();
    }

    /**
     * Returns the messages got here.
     *
     * @return the count
     */
    public long messagesIn() {
        return messagesIn.sum();
    }

    /**
     * Returns the bytes got here.
     *
     * @return the count
     */
    public long bytesIn() {
        return bytesIn.sum();
    }
}
