package io.gipc;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A main class that {@link KryoChildTests} starts in a fresh JVM with no extra options: it uses the default codec
 * on classes Kryo serializes field by field (the path that used sun.misc.Unsafe) and on records, strings and
 * exceptions, in this JVM and in a gipc child that sends them back through a pipe. The test reads its stderr, and
 * also runs it without the optional {@code java.sql} module.
 */
final class UnsafeWarningProbe {

    private UnsafeWarningProbe() {}

    /** Serialized field by field. */
    static final class Account {
        private final String owner;
        private long balance;
        private int[] history;

        Account(String owner, long balance) {
            this.owner = owner;
            this.balance = balance;
            this.history = new int[] {1, 2};
        }

        @Override
        public String toString() {
            return owner + ":" + balance + ":" + history.length;
        }
    }

    record Entry(UUID id, Map<String, Object> values) {}

    public static void main(String[] args) throws Exception {
        Codec<Object> codec = Codec.kryo();
        Object here = codec.decode(codec.encode(List.of(
                new Account("parent", 1),
                new Entry(UUID.randomUUID(), Map.of("k", "v")),
                new IllegalStateException("parent"))));
        try (ProcessLauncher launcher = ProcessLauncher.create(LauncherConfig.defaults())) {
            Pipe<Object> pipe = launcher.pipe();
            PipeWriter<Object> writer = pipe.writer();
            GipcProcess child = launcher.start(() -> writer.put(List.of(
                    new Account("child", 2),
                    new Entry(UUID.randomUUID(), Map.of()),
                    new IllegalStateException("child"))));
            Object there = pipe.reader().get(Duration.ofSeconds(60));
            if (!child.join(Duration.ofSeconds(60))) {
                throw new IllegalStateException("the child did not exit");
            }
            System.out.println("probe done: " + ((List<?>) here).get(0) + " " + ((List<?>) there).get(0));
        }
    }
}
