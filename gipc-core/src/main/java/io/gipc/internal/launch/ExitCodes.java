package io.gipc.internal.launch;

/**
 * Turns what the operating system and the child said into gipc's exit code.
 *
 * <p>The JVM turns SIGTERM into exit status 143, the same as {@code System.exit(143)}; the OS reports a JVM killed
 * by signal N as 128+N. The child tells the two apart by reporting a signal it handled, or an orderly shutdown,
 * before it exits.
 */
final class ExitCodes {

    private ExitCodes() {}

    /**
     * @param raw the status the OS gave ({@link Process#exitValue()})
     * @param signal the signal the child reported handling, or 0
     * @param orderly whether the child reported an orderly exit (task end, System.exit)
     */
    static int decode(int raw, int signal, boolean orderly) {
        if (signal > 0) {
            return -signal;
        }
        if (orderly) {
            return raw;
        }
        if (raw > 128 && raw < 128 + 65) {
            return -(raw - 128);
        }
        return raw;
    }
}
