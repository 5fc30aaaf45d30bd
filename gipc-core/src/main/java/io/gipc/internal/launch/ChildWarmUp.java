package io.gipc.internal.launch;

import io.gipc.ChildTask;
import io.gipc.Codec;
import io.gipc.internal.pipe.PipeCounters;
import io.gipc.internal.pipe.SerialForms;
import io.gipc.internal.pipe.SimplexPipe;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.net.StandardProtocolFamily;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Pays a child's one-time start-up costs while it waits for its launch data: Java serialization (its filter and
 * logger set-up), lambda deserialization, Unix-domain sockets (their secure random) and the virtual-thread
 * scheduler. Measured on a 2-core machine these are most of a child's start beyond the JVM's own 30 ms; a
 * pre-started (pooled) child has them done before it is needed, a fresh one does them on its second core while the
 * parent writes the launch data.
 *
 * <p>A pooled child (started with {@code -D}{@value #POOLED_PROPERTY}{@code =true}) has time to spare before it
 * is needed, and goes further ({@link #deep()}): the path of a task's first messages, run a few hundred times so that
 * the JIT's first tier has compiled it — a pipe of this process, the default codec on the message shapes users send
 * most, Java serialization of a lambda. The AOT cache's training run ({@link AotTraining}) does the same.
 */
final class ChildWarmUp {

    /** Set to {@code true} on the command line of a pooled child JVM. */
    static final String POOLED_PROPERTY = "gipc.child.pooled";

    private static final int DEEP_ROUNDS = 300;

    private ChildWarmUp() {}

    /** A record, as users send them. */
    record Sample(int id, double value, String label) {}

    static void startInBackground() {
        boolean pooled = Boolean.getBoolean(POOLED_PROPERTY);
        Thread.ofPlatform().daemon().name("gipc-warm-up").start(() -> {
            run();
            if (pooled) {
                deep();
            }
        });
    }

    /**
     * Reads back one of each pipe-handle form (see {@link SerialForms}), then
     * runs a task's first-message path a few hundred times in this process: a pipe in a private temporary
     * directory, the default and the raw codec, a lambda through Java serialization. A fresh child does not do
     * this: measured, that work beside its start slowed the start more than it saved.
     */
    static void deep() {
        Path dir = null;
        try {
            readRecords();
            dir = Files.createTempDirectory(
                    "gipc-warm-", PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            Codec<Object> kryo = Codec.kryo();
            try (SimplexPipe<Object> objects =
                            SimplexPipe.create(dir.toString(), "warm-up", kryo, 1 << 20, new PipeCounters("warm-up"));
                    SimplexPipe<byte[]> bytes = SimplexPipe.create(
                            dir.toString(), "warm-up-raw", Codec.raw(), 1 << 20, new PipeCounters("warm-up-raw"))) {
                for (int i = 0; i < DEEP_ROUNDS; i++) {
                    objects.writer().put("message " + i);
                    objects.reader().get(Duration.ofSeconds(10));
                    objects.writer().put(List.of(new Sample(i, i / 2.0, "sample"), Map.of("k", i)));
                    objects.reader().get(Duration.ofSeconds(10));
                    bytes.writer().put(new byte[64]);
                    bytes.reader().get(Duration.ofSeconds(10));
                }
                objects.writer().put(new IllegalStateException("warm-up"));
                objects.reader().get(Duration.ofSeconds(10));
            }
            for (int i = 0; i < DEEP_ROUNDS / 10; i++) {
                serializeLambda();
            }
        } catch (IOException | ClassNotFoundException | RuntimeException e) {
            // only an optimisation
        } finally {
            deleteQuietly(dir);
        }
    }

    private static void serializeLambda() throws IOException, ClassNotFoundException {
        ChildTask lambda = () -> {};
        readBack(bytesOf(lambda));
    }

    /**
     * Reads back one of each form that stands for a task's pipe handles ({@link SerialForms}).
     */
    private static void readRecords() throws IOException, ClassNotFoundException {
        readBack(bytesOf(SerialForms.samples()));
    }

    private static byte[] bytesOf(Object value) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(value);
        }
        return bytes.toByteArray();
    }

    /** Reads bytes back the way a launch reads its task, so that the warm-up runs that very path. */
    private static Object readBack(byte[] bytes) throws IOException, ClassNotFoundException {
        return ChildMain.deserialize(bytes);
    }

    private static void deleteQuietly(Path dir) {
        if (dir == null) {
            return;
        }
        try (var files = Files.list(dir)) {
            for (Path p : files.toList()) {
                Files.deleteIfExists(p);
            }
            Files.deleteIfExists(dir);
        } catch (IOException e) {
            // a temporary directory left behind: the OS's tmp cleaning takes it
        }
    }

    static void run() {
        try {
            serializeLambda();
            SocketChannel.open(StandardProtocolFamily.UNIX).close();
            Thread.ofVirtual().start(() -> {}).join();
            for (String name : new String[] {
                "io.gipc.internal.pipe.ReaderCore",
                "io.gipc.internal.pipe.WriterEnd",
                "io.gipc.internal.pipe.FrameAssembler",
                "io.gipc.internal.pipe.PipeIo",
                "io.gipc.internal.launch.ControlClient",
                "io.gipc.internal.launch.ChildSignals",
                // loaded and initialised right after the launch data arrives (seen with -Xlog:class+load)
                "io.gipc.internal.pipe.Handoffs",
                "io.gipc.internal.pipe.WriterEnd$WriterRef",
                "io.gipc.internal.pipe.ReaderEnd$ReaderRef",
                "sun.misc.Signal",
                "sun.misc.SignalHandler"
            }) {
                Class.forName(name, true, ChildWarmUp.class.getClassLoader());
            }
        } catch (IOException | ClassNotFoundException | InterruptedException | RuntimeException e) {
            // only an optimisation: whatever failed here is done again, and reported, on the real path
        }
    }
}
