package io.gipc.benchmarks.python;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The harness's Python scripts, packed in the jar under {@code /python/} and written on first use to a private
 * temporary directory ({@code bench-python-*}, mode 0700) so that they run the same from a jar or a class-path
 * directory. {@link #close()} removes the directory. Used from one thread.
 */
final class PythonScripts implements AutoCloseable {

    /** Every script; {@code bench_common.py} is imported by the others from the same directory. */
    static final List<String> NAMES = List.of(
            "bench_common.py",
            "gipc_throughput.py",
            "gipc_roundtrip.py",
            "gipc_large.py",
            "gipc_start.py",
            "ppe_pool.py");

    private Path directory;

    /**
     * Returns the path of a script, writing all of them out first if needed.
     *
     * @param name one of {@link #NAMES}
     * @return its file
     * @throws IOException when they cannot be written
     */
    Path path(String name) throws IOException {
        if (!NAMES.contains(name)) {
            throw new IllegalArgumentException("no Python script " + name + "; known: " + NAMES);
        }
        if (directory == null) {
            Path created = Files.createTempDirectory(
                    "bench-python-",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            for (String script : NAMES) {
                try (InputStream in = PythonScripts.class.getResourceAsStream("/python/" + script)) {
                    if (in == null) {
                        throw new IOException("the jar holds no /python/" + script);
                    }
                    Files.copy(in, created.resolve(script));
                }
            }
            directory = created;
        }
        return directory.resolve(name);
    }

    @Override
    public void close() throws IOException {
        if (directory == null) {
            return;
        }
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        }
        directory = null;
    }
}
