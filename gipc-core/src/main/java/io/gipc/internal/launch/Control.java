package io.gipc.internal.launch;

/** Message types a child sends its parent over the control connection: a type byte, then a long. */
final class Control {

    /** The child took over its handles and is about to run its task. */
    static final byte READY = 1;
    /** The child attached a writer; the long is the handover id. */
    static final byte ATTACHED = 2;
    /** The child is ending because of a signal; the long is its number. */
    static final byte SIGNAL = 3;
    /** The task ended; the long is the exit code the child is about to exit with. */
    static final byte EXITING = 4;
    /** The JVM is shutting down in order (System.exit or the end of main). */
    static final byte SHUTDOWN = 5;

    static final int TOKEN_LENGTH = 32;
    static final String SOCKET_NAME = "c.s";

    private Control() {}
}
