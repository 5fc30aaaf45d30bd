package io.gipc.internal.launch;

import io.gipc.ChildTask;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.net.StandardProtocolFamily;
import java.nio.channels.SocketChannel;

/**
 * Pays a child's one-time start-up costs while it waits for its launch data: Java serialization (its filter and
 * logger set-up), lambda deserialization, Unix-domain sockets (their secure random) and the virtual-thread
 * scheduler. Measured on a 2-core machine these are most of a child's start beyond the JVM's own 30 ms; a
 * pre-started (pooled) child has them done before it is needed, a fresh one does them on its second core while the
 * parent writes the launch data.
 */
final class ChildWarmUp {

    private ChildWarmUp() {}

    static void startInBackground() {
        Thread.ofPlatform().daemon().name("gipc-warm-up").start(ChildWarmUp::run);
    }

    static void run() {
        try {
            ChildTask lambda = () -> {};
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
                out.writeObject(lambda);
            }
            try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
                in.readObject();
            }
            SocketChannel.open(StandardProtocolFamily.UNIX).close();
            Thread.ofVirtual().start(() -> {}).join();
            for (String name : new String[] {
                "io.gipc.internal.pipe.ReaderCore",
                "io.gipc.internal.pipe.WriterEnd",
                "io.gipc.internal.pipe.FrameAssembler",
                "io.gipc.internal.pipe.PipeIo",
                "io.gipc.internal.launch.ControlClient",
                "io.gipc.internal.launch.ChildSignals"
            }) {
                Class.forName(name, true, ChildWarmUp.class.getClassLoader());
            }
        } catch (IOException | ClassNotFoundException | InterruptedException | RuntimeException e) {
            // only an optimisation: whatever failed here is done again, and reported, on the real path
        }
    }
}
