package io.gipc.internal.launch;

import io.gipc.ChildTask;
import io.gipc.internal.pipe.Handoffs;
import io.gipc.internal.pipe.WriterEnd;
import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputStream;
import java.io.ObjectStreamClass;

/**
 * The main class of every child JVM.
 *
 * <p>Reads the launch data from stdin, connects to the parent's control socket, takes over the handles of the
 * task, reports that it runs, runs the task, waits for the handovers it started to finish, and exits with 0 (the
 * task returned) or 1 (it threw). End of file on stdin means the parent died: the child halts at once.
 */
public final class ChildMain {

    private ChildMain() {}

    /**
     * Runs the child.
     *
     * @param args ignored: everything comes through stdin
     */
    public static void main(String[] args) {
        ChildWarmUp.startInBackground();
        DataInputStream in = new DataInputStream(new BufferedInputStream(System.in, 1 << 16));
        LaunchData launch;
        ControlClient control;
        try {
            int length;
            try {
                length = in.readInt();
            } catch (java.io.EOFException e) {
                // A pre-started child whose launcher closed (or died) before it was needed: nothing to report.
                Runtime.getRuntime().halt(0);
                return;
            }
            byte[] bytes = new byte[length];
            in.readFully(bytes);
            launch = LaunchData.fromBytes(bytes);
            control = ControlClient.connect(launch.controlSocket(), launch.token());
        } catch (IOException | RuntimeException e) {
            System.err.println("gipc child: could not read its launch data from the parent: " + e);
            Runtime.getRuntime().halt(70);
            return;
        }
        Thread.ofPlatform().daemon().name("gipc-orphan-watch").start(() -> watchParent(in));
        ChildSignals.install(control);
        Handoffs.setAttachReporter(id -> control.send(Control.ATTACHED, id));
        ChildTask task;
        try {
            task = (ChildTask) deserialize(launch.task());
        } catch (IOException | ClassNotFoundException | RuntimeException e) {
            System.err.println("gipc child '" + launch.name() + "': could not take over its task:");
            e.printStackTrace();
            control.send(Control.EXITING, 1);
            System.exit(1);
            return;
        }
        control.send(Control.READY, 0);
        int code = 0;
        try {
            task.run();
        } catch (Throwable t) {
            t.printStackTrace();
            code = 1;
        }
        WriterEnd.flushAll(60_000);
        Handoffs.awaitIdle(Long.MAX_VALUE / 2_000_000);
        control.send(Control.EXITING, code);
        System.exit(code);
    }

    private static void watchParent(InputStream in) {
        try {
            while (in.read() >= 0) {
                // the parent writes nothing after the launch data
            }
        } catch (IOException e) {
            // same as end of file
        }
        Runtime.getRuntime().halt(ExitStatus.ORPHANED);
    }

    static Object deserialize(byte[] bytes) throws IOException, ClassNotFoundException {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes)) {
            @Override
            protected Class<?> resolveClass(ObjectStreamClass desc) throws IOException, ClassNotFoundException {
                try {
                    return Class.forName(desc.getName(), false, loader);
                } catch (ClassNotFoundException e) {
                    return super.resolveClass(desc);
                }
            }
        }) {
            return in.readObject();
        }
    }

    /** Exit statuses of the child itself. */
    static final class ExitStatus {
        /** The parent died: the child halts with this status (nobody reads it). */
        static final int ORPHANED = 125;

        private ExitStatus() {}
    }
}
