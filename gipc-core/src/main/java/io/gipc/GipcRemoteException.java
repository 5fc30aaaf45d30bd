package io.gipc;

import java.io.Serial;

/**
 * Stands in for an exception that arrived through a pipe but whose class this process cannot load (a class only
 * the sending process has on its class path). It keeps what the original carried: its message ({@link #getMessage()}
 * is the original class name, a colon and the original message), its stack trace, its cause and its suppressed
 * exceptions, each of which is the original exception or, when that class is missing too, another stand-in.
 *
 * <p>Created by the default codec on the receiving thread; immutable apart from what {@link Throwable} allows.
 */
public class GipcRemoteException extends GipcException {
    @Serial
    private static final long serialVersionUID = 1L;

    /** Binary name of the original exception class. */
    private final String remoteClassName;

    /** The original exception's message, or {@code null}. */
    private final String remoteMessage;

    /**
     * Creates the stand-in.
     *
     * @param remoteClassName binary name of the original exception class
     * @param remoteMessage the original message, or {@code null}
     * @param cause the original cause, or {@code null}
     */
    public GipcRemoteException(String remoteClassName, String remoteMessage, Throwable cause) {
        super(remoteMessage == null ? remoteClassName : remoteClassName + ": " + remoteMessage, cause);
        this.remoteClassName = remoteClassName;
        this.remoteMessage = remoteMessage;
    }

    /**
     * Returns the binary name of the original exception class, which this process cannot load.
     *
     * @return the class name
     */
    public String remoteClassName() {
        return remoteClassName;
    }

    /**
     * Returns the original exception's message.
     *
     * @return the message, or {@code null} when it had none
     */
    public String remoteMessage() {
        return remoteMessage;
    }
}
