package io.gipc.internal.launch;

import io.gipc.GipcException;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.time.Instant;
import java.util.Optional;

/**
 * A directory only this user can enter (mode 0700), holding a launcher's socket files.
 *
 * <p>Its name carries the owning process's pid and a file {@value #OWNER_FILE} its start time, so that a new
 * launcher can remove the directories of launchers whose process died without closing them (SIGKILL), and only
 * those: a directory whose owner cannot be told, or whose owner still runs, is left alone.
 */
final class PrivateDirectory {

    static final String OWNER_FILE = ".owner";
    private static final String PREFIX = "gipc-";
    private static final System.Logger LOG = System.getLogger("io.gipc.launch");

    private final Path path;

    private PrivateDirectory(Path path) {
        this.path = path;
    }

    static PrivateDirectory create(Path parent) {
        Path base = parent != null ? parent : Path.of(System.getProperty("java.io.tmpdir"));
        ProcessHandle self = ProcessHandle.current();
        try {
            Files.createDirectories(base);
            Path dir = Files.createTempDirectory(
                    base,
                    PREFIX + self.pid() + "-",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            // Unix socket paths are limited to 107 bytes: ours add 22 characters to the directory.
            if (dir.toString().length() > 80) {
                Files.delete(dir);
                throw new GipcException("the socket directory " + base + " is too deep for Unix socket paths"
                        + " (at most 70 characters); choose a shorter one");
            }
            Files.writeString(
                    dir.resolve(OWNER_FILE),
                    self.pid() + " " + startMillis(self).orElse(0L));
            removeStale(base, dir);
            return new PrivateDirectory(dir);
        } catch (IOException e) {
            throw new GipcException("could not create a private socket directory in " + base, e);
        }
    }

    private static Optional<Long> startMillis(ProcessHandle p) {
        return p.info().startInstant().map(Instant::toEpochMilli);
    }

    /** Removes the directories in {@code base} of this user's launchers whose process is gone. */
    private static void removeStale(Path base, Path own) {
        UserPrincipal me;
        try {
            me = Files.getOwner(own);
        } catch (IOException e) {
            return;
        }
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(base, PREFIX + "*")) {
            for (Path dir : dirs) {
                if (!dir.equals(own) && isStale(dir, me)) {
                    LOG.log(System.Logger.Level.DEBUG, "removing " + dir + ": its launcher's process is gone");
                    new PrivateDirectory(dir).delete();
                }
            }
        } catch (IOException | RuntimeException e) {
            LOG.log(System.Logger.Level.DEBUG, "could not look for stale gipc directories in " + base + ": " + e);
        }
    }

    private static boolean isStale(Path dir, UserPrincipal me) {
        try {
            if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS) || !me.equals(Files.getOwner(dir))) {
                return false;
            }
            Path owner = dir.resolve(OWNER_FILE);
            if (!Files.isRegularFile(owner, LinkOption.NOFOLLOW_LINKS)) {
                return false;
            }
            String[] fields = Files.readString(owner).trim().split(" ");
            long pid = Long.parseLong(fields[0]);
            long started = Long.parseLong(fields[1]);
            Optional<ProcessHandle> process = ProcessHandle.of(pid);
            // a pid can be reused: the owner is alive only when the start time matches too
            return process.isEmpty()
                    || (started != 0
                            && !startMillis(process.get())
                                    .map(t -> t == started)
                                    .orElse(true));
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    Path path() {
        return path;
    }

    /**
     * Removes the directory and what it holds. Readers remove their own socket files meanwhile, so a file listed
     * may be gone when it is removed: that is skipped, never thrown.
     */
    void delete() {
        IOException last = null;
        for (int attempt = 0; attempt < 5; attempt++) {
            try {
                removeTree(path);
                return;
            } catch (NoSuchFileException e) {
                return;
            } catch (IOException e) {
                // a child bound a new socket file meanwhile: list once more
                last = e;
            }
        }
        System.getLogger("io.gipc").log(System.Logger.Level.WARNING, "could not remove " + path + ": " + last);
    }

    /** Removes {@code dir} and its entries, not following links; an entry already gone is skipped. */
    private static void removeTree(Path dir) throws IOException {
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            for (Path entry : entries) {
                if (Files.isDirectory(entry, LinkOption.NOFOLLOW_LINKS)) {
                    try {
                        removeTree(entry);
                    } catch (NoSuchFileException e) {
                        // removed by someone else
                    }
                } else {
                    Files.deleteIfExists(entry);
                }
            }
        }
        Files.delete(dir);
    }
}
