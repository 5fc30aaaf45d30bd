package io.gipc.internal.launch;

import io.gipc.Codec;
import io.gipc.LauncherConfig;
import io.gipc.Pipe;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The training run of the children's AOT cache ({@link AotCache}): does once, in a JVM started with
 * {@code -XX:AOTCacheOutput}, what a child does before and around its task's first messages, so that the cache
 * holds those classes loaded and linked, with their profiles: the child's warm-up, a launcher's socket directory,
 * pipes through the default (Kryo) and the raw codec, the message shapes users send most (Strings, collections,
 * records, exceptions).
 */
final class AotTraining {

    private static final int ROUNDS = 200;

    private AotTraining() {}

    /** A record, as users send them. */
    record Sample(int id, double value, String label) {}

    public static void main(String[] args) throws Exception {
        ChildWarmUp.run();
        DefaultProcessLauncher launcher = new DefaultProcessLauncher(LauncherConfig.defaults());
        try (Pipe<Object> kryo = launcher.pipe();
                Pipe<byte[]> raw = launcher.pipe(Codec.raw())) {
            for (int i = 0; i < ROUNDS; i++) {
                kryo.writer().put("message " + i);
                kryo.reader().get(Duration.ofSeconds(10));
                kryo.writer().put(List.of(new Sample(i, i / 2.0, "sample"), Map.of("k", i)));
                kryo.reader().get(Duration.ofSeconds(10));
                raw.writer().put(new byte[64]);
                raw.reader().get(Duration.ofSeconds(10));
            }
            kryo.writer().put(new IllegalStateException("training"));
            kryo.reader().get(Duration.ofSeconds(10));
        } finally {
            launcher.close(Duration.ZERO);
        }
    }
}
