package io.gipc.internal.launch;

import io.gipc.GipcException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.stream.Stream;

/** A directory only this user can enter (mode 0700), holding a launcher's socket files. */
final class PrivateDirectory {

    private final Path path;

    private PrivateDirectory(Path path) {
        this.path = path;
    }

    static PrivateDirectory create(Path parent) {
        Path base = parent != null ? parent : Path.of(System.getProperty("java.io.tmpdir"));
        try {
            Files.createDirectories(base);
            Path dir = Files.createTempDirectory(
                    base, "gipc-", PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            // Unix socket paths are limited to 107 bytes: ours add 22 characters to the directory.
            if (dir.toString().length() > 80) {
                Files.delete(dir);
                throw new GipcException("the socket directory " + base + " is too deep for Unix socket paths"
                        + " (at most 70 characters); choose a shorter one");
            }
            return new PrivateDirectory(dir);
        } catch (IOException e) {
            throw new GipcException("could not create a private socket directory in " + base, e);
        }
    }

    Path path() {
        return path;
    }

    void delete() {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> files = Files.walk(path)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    // a child may still bind a file here while we remove it; walk once more below
                }
            });
        } catch (IOException e) {
            // fall through to the last attempt
        }
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            System.getLogger("io.gipc").log(System.Logger.Level.WARNING, "could not remove " + path + ": " + e);
        }
    }
}
