package io.gipc.internal.pipe;

import java.io.Serial;
import java.io.Serializable;
import java.nio.file.Path;

/**
 * Where one simplex channel's reader listens and what a connection must prove.
 *
 * <p>A class, not a record: it travels inside every task that captures a pipe end, and Java serialization builds a
 * record's constructor chain of method handles on first read, tens of milliseconds of a fresh child's start.
 */
public final class PipeAddress implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    private final String directory;
    private final String id;
    private final byte[] secret;
    private final String name;
    private final int maxMessageSize;

    /**
     * Creates an address.
     *
     * @param directory the private directory holding the socket file
     * @param id 16 hex characters naming the channel (and its socket file)
     * @param secret the per-channel secret every connection proves
     * @param name the pipe's name, for messages and metrics
     * @param maxMessageSize the largest payload a frame may carry
     */
    public PipeAddress(String directory, String id, byte[] secret, String name, int maxMessageSize) {
        this.directory = directory;
        this.id = id;
        this.secret = secret;
        this.name = name;
        this.maxMessageSize = maxMessageSize;
    }

    /**
     * Returns the private directory holding the socket file.
     *
     * @return the directory
     */
    public String directory() {
        return directory;
    }

    /**
     * Returns the 16 hex characters naming the channel (and its socket file).
     *
     * @return the id
     */
    public String id() {
        return id;
    }

    /**
     * Returns the per-channel secret every connection proves (the array itself: do not change it).
     *
     * @return the secret
     */
    public byte[] secret() {
        return secret;
    }

    /**
     * Returns the pipe's name, for messages and metrics.
     *
     * @return the name
     */
    public String name() {
        return name;
    }

    /**
     * Returns the largest payload a frame may carry.
     *
     * @return the size in bytes
     */
    public int maxMessageSize() {
        return maxMessageSize;
    }

    /**
     * Returns the socket file the current reader listens on.
     *
     * @return the path
     */
    public Path socketPath() {
        return Path.of(directory, id + ".s");
    }

    @Override
    public String toString() {
        return "pipe '" + name + "'";
    }
}
