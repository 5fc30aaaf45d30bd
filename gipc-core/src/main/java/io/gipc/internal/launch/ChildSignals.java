package io.gipc.internal.launch;

import sun.misc.Signal;

/**
 * Makes a child report the signal that ends it before the JVM exits, so that the parent can tell SIGTERM (exit
 * status 143) from {@code System.exit(143)}; and reports an orderly shutdown from a shutdown hook.
 */
final class ChildSignals {

    private ChildSignals() {}

    static void install(ControlClient control) {
        for (String name : new String[] {"TERM", "INT", "HUP"}) {
            try {
                Signal signal = new Signal(name);
                Signal.handle(signal, s -> {
                    control.send(Control.SIGNAL, s.getNumber());
                    System.exit(128 + s.getNumber());
                });
            } catch (IllegalArgumentException e) {
                // the JVM keeps this signal (for example with -Xrs): the OS status still tells
            }
        }
        Runtime.getRuntime()
                .addShutdownHook(new Thread(() -> control.send(Control.SHUTDOWN, 0), "gipc-report-shutdown"));
    }
}
