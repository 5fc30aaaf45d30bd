package io.gipc.internal.launch;

import java.io.File;
import java.io.IOException;
import java.lang.ProcessBuilder.Redirect;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;

/**
 * The JDK's ahead-of-time cache for child JVMs ({@code -XX:AOTCache}, JDK 25+): classes of gipc's child path come
 * loaded and linked, with their profiles, from a file instead of from the jars.
 *
 * <p>One cache file per JDK build, class path (each jar's size and time) and JVM arguments, in a private directory
 * (0700, this user's). The first child start that finds none starts a training JVM in the background
 * ({@link AotTraining}, with {@code -XX:AOTCacheOutput}); later children use the file once it is there. The JDK
 * checks that a cache matches and runs without it when it does not (a corrupted file included), so a bad file
 * never breaks a start; its messages are switched off. When the class path holds directories (tests run from
 * {@code target/classes}), a Spring Boot executable jar, or the JDK is older than 25, children start without a
 * cache and one line at debug level says why.
 *
 * <p>Process-wide by nature, the one such place in the launcher: trainings under way and reasons already logged are
 * remembered for the JVM's lifetime.
 */
final class AotCache {

    private static final System.Logger LOG = System.getLogger("io.gipc.launch");
    private static final int FIRST_JDK = 25;
    private static final long TRAINING_TIMEOUT_SECONDS = 180;
    private static final Set<String> TRAINING = ConcurrentHashMap.newKeySet();
    private static final Set<String> LOGGED = ConcurrentHashMap.newKeySet();
    /**
     * Per class path, why it cannot use a cache ("" when it can): asked at every child start, it reads each jar's
     * manifest, and the class path of this JVM does not change.
     */
    private static final Map<String, String> UNUSABLE = new ConcurrentHashMap<>();
    /** Per class path and JVM arguments, the cache's key (it reads each jar's size and time). */
    private static final Map<List<String>, String> KEYS = new ConcurrentHashMap<>();

    private AotCache() {}

    /**
     * The JVM arguments that make a child with {@code jvmArguments} use the cache in {@code directory}: empty when
     * there is none (yet), when it cannot be used, or when {@code directory} is null (switched off).
     */
    static List<String> arguments(Path directory, List<String> jvmArguments) {
        if (directory == null) {
            return List.of();
        }
        String classPath = System.getProperty("java.class.path", "");
        String unusable = UNUSABLE.computeIfAbsent(classPath, cp -> Objects.requireNonNullElse(unusable(cp), ""));
        if (!unusable.isEmpty()) {
            debugOnce("children start without an AOT cache: " + unusable);
            return List.of();
        }
        Path dir = privateDirectory(directory);
        if (dir == null) {
            return List.of();
        }
        List<String> keyParts = new ArrayList<>(jvmArguments);
        keyParts.add(classPath);
        String key = KEYS.computeIfAbsent(List.copyOf(keyParts), k -> key(classPath, jvmArguments));
        Path file = dir.resolve(key + ".aot");
        if (Files.isRegularFile(file)) {
            return List.of("-XX:AOTCache=" + file, "-Xlog:aot=off", "-Xlog:cds=off");
        }
        // by file, not by key: two launchers of this JVM may keep the same key's cache in different directories
        if (TRAINING.add(file.toString())) {
            Thread.ofVirtual().name("gipc-aot-training").start(() -> train(file, classPath, jvmArguments, key));
        }
        return List.of();
    }

    /** Why the cache cannot be used with this JDK and class path, or null when it can. */
    static String unusable(String classPath) {
        if (Runtime.version().feature() < FIRST_JDK) {
            return "the JDK is " + Runtime.version() + "; AOT caches need JDK " + FIRST_JDK;
        }
        if (classPath.isEmpty()) {
            return "the class path is empty";
        }
        if (JavaCommand.isBootJar(classPath)) {
            return "the class path is a Spring Boot executable jar, whose nested jars an AOT cache cannot hold"
                    + " (start the application from its extracted layout: java -Djarmode=tools -jar app.jar extract)";
        }
        for (String entry : classPath.split(File.pathSeparator)) {
            Path p = Path.of(entry);
            if (!Files.isRegularFile(p) || !entry.endsWith(".jar")) {
                return "the class path entry " + entry + " is not a jar (an AOT cache needs jars only)";
            }
            String nested = directoryInManifest(p);
            if (nested != null) {
                return "the manifest of " + entry + " puts the directory " + nested + " on the class path";
            }
        }
        return null;
    }

    private static String directoryInManifest(Path jar) {
        try (JarFile file = new JarFile(jar.toFile())) {
            var manifest = file.getManifest();
            String cp = manifest == null ? null : manifest.getMainAttributes().getValue("Class-Path");
            if (cp != null) {
                for (String entry : cp.trim().split("\\s+")) {
                    if (entry.endsWith("/")) {
                        return entry;
                    }
                }
            }
            return null;
        } catch (IOException e) {
            return "(unreadable: " + e.getMessage() + ")";
        }
    }

    /** Creates {@code directory} for this user only, or checks that it is; null (and a debug line) when not. */
    static Path privateDirectory(Path directory) {
        try {
            Set<PosixFilePermission> owner = PosixFilePermissions.fromString("rwx------");
            if (!Files.isDirectory(directory)) {
                Files.createDirectories(directory.getParent());
                try {
                    Files.createDirectory(directory, PosixFilePermissions.asFileAttribute(owner));
                } catch (java.nio.file.FileAlreadyExistsException e) {
                    // created meanwhile by another JVM: checked below
                }
            }
            if (!Files.getPosixFilePermissions(directory).equals(owner)
                    || !Files.getOwner(directory).getName().equals(System.getProperty("user.name"))) {
                debugOnce("children start without an AOT cache: " + directory
                        + " is not private to this user (it must be rwx------ and ours)");
                return null;
            }
            return directory;
        } catch (IOException | UnsupportedOperationException e) {
            debugOnce("children start without an AOT cache: cannot use " + directory + ": " + e);
            return null;
        }
    }

    /** Names the cache of this JDK build, class path (with each jar's size and time) and JVM arguments. */
    static String key(String classPath, List<String> jvmArguments) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            List<String> parts = new ArrayList<>();
            parts.add(System.getProperty("java.home"));
            parts.add(System.getProperty("java.vm.version"));
            for (String entry : classPath.split(File.pathSeparator)) {
                Path p = Path.of(entry);
                parts.add(entry);
                try {
                    parts.add(Files.size(p) + "@" + Files.getLastModifiedTime(p).toMillis());
                } catch (IOException e) {
                    parts.add("?");
                }
            }
            parts.addAll(jvmArguments);
            for (String part : parts) {
                sha.update(part.getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
            }
            return HexFormat.of().formatHex(sha.digest(), 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }

    /** Runs the training JVM; its cache becomes visible under its final name only once it is complete. */
    private static void train(Path file, String classPath, List<String> jvmArguments, String key) {
        Path partial = file.resolveSibling(key + "." + ProcessHandle.current().pid() + ".partial");
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(jvmArguments);
        cmd.add("-XX:AOTCacheOutput=" + partial);
        cmd.add("-Xlog:aot=off");
        cmd.add("-Xlog:cds=off");
        cmd.add("-cp");
        cmd.add(classPath);
        cmd.add(AotTraining.class.getName());
        try {
            Process p = new ProcessBuilder(cmd)
                    .redirectInput(Redirect.from(new File("/dev/null")))
                    .redirectOutput(Redirect.DISCARD)
                    .redirectError(Redirect.DISCARD)
                    .start();
            boolean ended = p.waitFor(TRAINING_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            if (!ended) {
                p.destroyForcibly();
                LOG.log(
                        Level.DEBUG,
                        "the AOT training JVM for {0} took over {1} s; children go on without a cache",
                        file,
                        TRAINING_TIMEOUT_SECONDS);
            } else if (p.exitValue() == 0 && Files.isRegularFile(partial)) {
                Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                LOG.log(Level.DEBUG, "created the AOT cache {0} for children", file);
            } else {
                LOG.log(
                        Level.DEBUG,
                        "the AOT training JVM for {0} exited with {1}; children go on without a cache",
                        file,
                        p.exitValue());
            }
        } catch (IOException e) {
            LOG.log(Level.DEBUG, "could not train the AOT cache {0}: {1}", file, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            try {
                Files.deleteIfExists(partial);
                Files.deleteIfExists(partial.resolveSibling(partial.getFileName() + ".config"));
            } catch (IOException e) {
                // a leftover partial file is harmless: it is never used under that name
            }
        }
    }

    private static void debugOnce(String reason) {
        if (LOGGED.add(reason)) {
            LOG.log(Level.DEBUG, reason);
        }
    }
}
