package io.gipc;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Settings of a {@link ProcessLauncher}.
 *
 * <p>Immutable; every {@code with...} method returns a copy.
 *
 * @param socketParent where the launcher creates its private directory (mode 0700), or {@code null} for
 *     {@code java.io.tmpdir}
 * @param maxMessageSize the largest encoded message a pipe accepts, in bytes
 * @param jvmArguments JVM arguments every child gets, before those of its {@link ChildOptions}
 * @param shutdownTimeout how long {@link ProcessLauncher#close()} waits after SIGTERM before SIGKILL
 * @param defaultCodec the codec of pipes created without one
 * @param listener told about children starting and exiting
 * @param poolSize how many idle child JVMs to keep started ahead, so that {@code start()} with default options only
 *     has to hand over the task (0: none, every child JVM starts on demand)
 * @param aotCache the private directory (mode 0700) of the children's JDK AOT cache, or {@code null} for none; see
 *     {@link #withAotCache(Path)}
 */
public record LauncherConfig(
        Path socketParent,
        int maxMessageSize,
        List<String> jvmArguments,
        Duration shutdownTimeout,
        Codec<?> defaultCodec,
        LauncherListener listener,
        int poolSize,
        Path aotCache) {

    /** The default largest message: 1 GiB. */
    public static final int DEFAULT_MAX_MESSAGE_SIZE = 1 << 30;

    /** JVM arguments children get by default: a small, quick-starting JVM. */
    public static final List<String> DEFAULT_JVM_ARGUMENTS = List.of("-XX:+UseSerialGC", "-XX:-UsePerfData");

    /**
     * Validates the components.
     *
     * @throws IllegalArgumentException when a component is invalid
     */
    public LauncherConfig {
        if (maxMessageSize <= 0) {
            throw new IllegalArgumentException("maxMessageSize must be positive, was " + maxMessageSize);
        }
        jvmArguments = List.copyOf(Objects.requireNonNull(jvmArguments, "jvmArguments"));
        Objects.requireNonNull(shutdownTimeout, "shutdownTimeout");
        if (shutdownTimeout.isNegative()) {
            throw new IllegalArgumentException("shutdownTimeout must not be negative, was " + shutdownTimeout);
        }
        Objects.requireNonNull(defaultCodec, "defaultCodec");
        Objects.requireNonNull(listener, "listener");
        if (poolSize < 0) {
            throw new IllegalArgumentException("poolSize must not be negative, was " + poolSize);
        }
    }

    /**
     * Creates settings without a pool of pre-started children.
     *
     * @param socketParent see the record components
     * @param maxMessageSize see the record components
     * @param jvmArguments see the record components
     * @param shutdownTimeout see the record components
     * @param defaultCodec see the record components
     * @param listener see the record components
     */
    public LauncherConfig(
            Path socketParent,
            int maxMessageSize,
            List<String> jvmArguments,
            Duration shutdownTimeout,
            Codec<?> defaultCodec,
            LauncherListener listener) {
        this(socketParent, maxMessageSize, jvmArguments, shutdownTimeout, defaultCodec, listener, 0, defaultAotCache());
    }

    /**
     * Creates settings with the default AOT cache.
     *
     * @param socketParent see the record components
     * @param maxMessageSize see the record components
     * @param jvmArguments see the record components
     * @param shutdownTimeout see the record components
     * @param defaultCodec see the record components
     * @param listener see the record components
     * @param poolSize see the record components
     */
    public LauncherConfig(
            Path socketParent,
            int maxMessageSize,
            List<String> jvmArguments,
            Duration shutdownTimeout,
            Codec<?> defaultCodec,
            LauncherListener listener,
            int poolSize) {
        this(
                socketParent,
                maxMessageSize,
                jvmArguments,
                shutdownTimeout,
                defaultCodec,
                listener,
                poolSize,
                defaultAotCache());
    }

    /**
     * The default AOT cache directory: {@code $XDG_CACHE_HOME/gipc/aot}, else {@code ~/.cache/gipc/aot}; none when
     * the system property {@code gipc.aot-cache} is {@code false}.
     */
    private static Path defaultAotCache() {
        if ("false".equalsIgnoreCase(System.getProperty("gipc.aot-cache"))) {
            return null;
        }
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        return base.resolve("gipc").resolve("aot");
    }

    /**
     * Returns the defaults: {@code java.io.tmpdir}, 1 GiB messages, {@link #DEFAULT_JVM_ARGUMENTS}, 10 s
     * shutdown timeout, Kryo.
     *
     * @return the defaults
     */
    public static LauncherConfig defaults() {
        return new LauncherConfig(
                null,
                DEFAULT_MAX_MESSAGE_SIZE,
                DEFAULT_JVM_ARGUMENTS,
                Duration.ofSeconds(10),
                Codec.kryo(),
                new LauncherListener() {});
    }

    /**
     * Returns a copy with another socket parent directory.
     *
     * @param parent the directory in which the private directory is created
     * @return the copy
     */
    public LauncherConfig withSocketParent(Path parent) {
        return new LauncherConfig(
                parent, maxMessageSize, jvmArguments, shutdownTimeout, defaultCodec, listener, poolSize, aotCache);
    }

    /**
     * Returns a copy with another maximum message size.
     *
     * @param bytes the largest encoded message
     * @return the copy
     */
    public LauncherConfig withMaxMessageSize(int bytes) {
        return new LauncherConfig(
                socketParent, bytes, jvmArguments, shutdownTimeout, defaultCodec, listener, poolSize, aotCache);
    }

    /**
     * Returns a copy whose children get exactly these JVM arguments (replacing the defaults).
     *
     * @param arguments the arguments
     * @return the copy
     */
    public LauncherConfig withJvmArguments(List<String> arguments) {
        return new LauncherConfig(
                socketParent, maxMessageSize, arguments, shutdownTimeout, defaultCodec, listener, poolSize, aotCache);
    }

    /**
     * Returns a copy with another shutdown timeout.
     *
     * @param timeout how long to wait after SIGTERM before SIGKILL
     * @return the copy
     */
    public LauncherConfig withShutdownTimeout(Duration timeout) {
        return new LauncherConfig(
                socketParent, maxMessageSize, jvmArguments, timeout, defaultCodec, listener, poolSize, aotCache);
    }

    /**
     * Returns a copy with another default codec.
     *
     * @param codec the codec of pipes created without one
     * @return the copy
     */
    public LauncherConfig withDefaultCodec(Codec<?> codec) {
        return new LauncherConfig(
                socketParent, maxMessageSize, jvmArguments, shutdownTimeout, codec, listener, poolSize, aotCache);
    }

    /**
     * Returns a copy with another listener.
     *
     * @param newListener told about children starting and exiting
     * @return the copy
     */
    public LauncherConfig withListener(LauncherListener newListener) {
        return new LauncherConfig(
                socketParent,
                maxMessageSize,
                jvmArguments,
                shutdownTimeout,
                defaultCodec,
                newListener,
                poolSize,
                aotCache);
    }

    /**
     * Returns a copy that keeps {@code size} idle child JVMs started ahead. A child started with default
     * {@link ChildOptions} (no extra JVM arguments or environment, inherited output) then takes a waiting JVM and
     * only has to receive its task; each idle JVM costs the memory of an idle child.
     *
     * @param size how many idle JVMs to keep (0 for none)
     * @return the copy
     */
    public LauncherConfig withPoolSize(int size) {
        return new LauncherConfig(
                socketParent, maxMessageSize, jvmArguments, shutdownTimeout, defaultCodec, listener, size, aotCache);
    }

    /**
     * Returns a copy whose children use the JDK's ahead-of-time cache ({@code -XX:AOTCache}, JDK 25 and newer) kept
     * in {@code directory}: classes of the child's path come loaded and linked from one file per JDK build, class
     * path and JVM arguments, created once by a training JVM in the background. It is used only when the class
     * path holds jars alone; otherwise, and when the file does not match, children start without it (a line at
     * debug level of logger {@code io.gipc.launch} says why). The directory must be this user's and private (mode
     * 0700); it is created so when missing.
     *
     * @param directory the cache directory, or {@code null} to start children without an AOT cache
     * @return the copy
     */
    public LauncherConfig withAotCache(Path directory) {
        return new LauncherConfig(
                socketParent,
                maxMessageSize,
                jvmArguments,
                shutdownTimeout,
                defaultCodec,
                listener,
                poolSize,
                directory);
    }
}
