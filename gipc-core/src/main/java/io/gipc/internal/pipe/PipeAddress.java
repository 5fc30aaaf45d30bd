package io.gipc.internal.pipe;

import java.io.Serializable;
import java.nio.file.Path;

/**
 * Where one simplex channel's reader listens and what a connection must prove.
 *
 * @param directory the private directory holding the socket file
 * @param id 16 hex characters naming the channel (and its socket file)
 * @param secret the per-channel secret every connection proves
 * @param name the pipe's name, for messages and metrics
 * @param maxMessageSize the largest payload a frame may carry
 */
public record PipeAddress(String directory, String id, byte[] secret, String name, int maxMessageSize)
        implements Serializable {

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
