package io.gipc.autoconfigure;

import io.gipc.KryoOptions;
import io.gipc.LauncherConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.Errors;
import org.springframework.validation.Validator;

/**
 * Configuration properties for gipc, under {@code gipc}.
 *
 * <p>The properties validate themselves when bound: an invalid value fails the application's startup with a
 * message that names the property.
 */
@ConfigurationProperties("gipc")
public class GipcProperties implements Validator {

    private static final DataSize MIN_HEAP = DataSize.ofMegabytes(2);

    /** Whether to enable gipc's auto-configuration. */
    private boolean enabled = true;

    /** Directory in which the launcher creates its private (0700) socket directory. Defaults to java.io.tmpdir. */
    private @Nullable Path socketDirectory;

    /** Largest encoded message a pipe accepts. */
    private DataSize maxMessageSize = DataSize.ofGigabytes(1);

    private final Child child = new Child();

    private final Shutdown shutdown = new Shutdown();

    private final Kryo kryo = new Kryo();

    /** Pipes to create as beans, keyed by bean name. */
    private final Map<String, Pipe> pipes = new LinkedHashMap<>();

    /** Pools of worker JVMs that run an entry point, created as beans keyed by bean name. */
    private final Map<String, Pool> pools = new LinkedHashMap<>();

    public boolean isEnabled() {
        return this.enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public @Nullable Path getSocketDirectory() {
        return this.socketDirectory;
    }

    public void setSocketDirectory(@Nullable Path socketDirectory) {
        this.socketDirectory = socketDirectory;
    }

    public DataSize getMaxMessageSize() {
        return this.maxMessageSize;
    }

    public void setMaxMessageSize(DataSize maxMessageSize) {
        this.maxMessageSize = maxMessageSize;
    }

    public Child getChild() {
        return this.child;
    }

    public Shutdown getShutdown() {
        return this.shutdown;
    }

    public Kryo getKryo() {
        return this.kryo;
    }

    public Map<String, Pipe> getPipes() {
        return this.pipes;
    }

    public Map<String, Pool> getPools() {
        return this.pools;
    }

    @Override
    public boolean supports(Class<?> type) {
        return GipcProperties.class.isAssignableFrom(type);
    }

    @Override
    public void validate(Object target, Errors errors) {
        GipcProperties properties = (GipcProperties) target;
        if (!isMessageSize(properties.getMaxMessageSize())) {
            errors.rejectValue(
                    "max-message-size",
                    "gipc.size",
                    "gipc.max-message-size must be between 1B and " + Integer.MAX_VALUE + "B");
        }
        if (properties.getChild().getPoolSize() < 0) {
            errors.rejectValue("child.pool-size", "gipc.pool", "gipc.child.pool-size must not be negative");
        }
        Duration timeout = properties.getShutdown().getTimeout();
        if (timeout == null || timeout.isNegative()) {
            errors.rejectValue("shutdown.timeout", "gipc.timeout", "gipc.shutdown.timeout must not be negative");
        }
        DataSize maxHeap = properties.getChild().getMaxHeap();
        if (maxHeap != null && maxHeap.compareTo(MIN_HEAP) < 0) {
            errors.rejectValue("child.max-heap", "gipc.heap", "gipc.child.max-heap must be at least 2MB");
        }
        Kryo kryo = properties.getKryo();
        if (kryo.isRegistrationRequired()
                && kryo.getAllowedClasses().isEmpty()
                && kryo.getAllowedPackages().isEmpty()) {
            errors.rejectValue(
                    "kryo.allowed-classes",
                    "gipc.kryo",
                    "gipc.kryo.allowed-classes must name at least one class when"
                            + " gipc.kryo.registration-required is true (or gipc.kryo.allowed-packages a package)");
        }
        rejectInvalidNames(errors, "allowed-classes", kryo.getAllowedClasses(), KryoOptions.defaults()::allowing);
        rejectInvalidNames(
                errors, "allowed-packages", kryo.getAllowedPackages(), KryoOptions.defaults()::allowingPackages);
        rejectInvalidNames(errors, "denied-classes", kryo.getDeniedClasses(), KryoOptions.defaults()::denying);
        rejectInvalidNames(
                errors, "denied-packages", kryo.getDeniedPackages(), KryoOptions.defaults()::denyingPackages);
        properties.getPipes().forEach((name, pipe) -> {
            DataSize size = pipe.getMaxMessageSize();
            if (size != null
                    && (!isMessageSize(size)
                            || (isMessageSize(properties.getMaxMessageSize())
                                    && size.compareTo(properties.getMaxMessageSize()) > 0))) {
                errors.rejectValue(
                        "pipes[" + name + "].max-message-size",
                        "gipc.size",
                        "gipc.pipes." + name + ".max-message-size must be at least 1B and at most"
                                + " gipc.max-message-size");
            }
            if (pipe.getCodec() == null) {
                errors.rejectValue(
                        "pipes[" + name + "].codec", "gipc.codec", "gipc.pipes." + name + ".codec must be set");
            }
        });
        properties.getPools().forEach((name, pool) -> validatePool(errors, name, pool));
    }

    private static void validatePool(Errors errors, String name, Pool pool) {
        String prefix = "gipc.pools." + name + ".";
        String field = "pools[" + name + "].";
        if (pool.getEntryPoint() == null || pool.getEntryPoint().isBlank()) {
            errors.rejectValue(
                    field + "entry-point",
                    "gipc.pool",
                    prefix + "entry-point must name the @ChildProcess entry point the pool's workers run");
        }
        if (pool.getWorkers() < 1) {
            errors.rejectValue(field + "workers", "gipc.pool", prefix + "workers must be at least 1");
        }
        if (pool.getMaxTasksPerWorker() < 0) {
            errors.rejectValue(
                    field + "max-tasks-per-worker",
                    "gipc.pool",
                    prefix + "max-tasks-per-worker must be 0 (never) or positive");
        }
        Duration timeout = pool.getTaskTimeout();
        if (timeout != null && (timeout.isNegative() || timeout.isZero())) {
            errors.rejectValue(field + "task-timeout", "gipc.pool", prefix + "task-timeout must be positive");
        }
    }

    private static void rejectInvalidNames(
            Errors errors, String property, List<String> names, Function<String[], KryoOptions> check) {
        try {
            check.apply(names.toArray(String[]::new));
        } catch (IllegalArgumentException e) {
            errors.rejectValue("kryo." + property, "gipc.kryo", "gipc.kryo." + property + ": " + e.getMessage());
        }
    }

    private static boolean isMessageSize(@Nullable DataSize size) {
        return size != null && size.toBytes() > 0 && size.toBytes() <= Integer.MAX_VALUE;
    }

    /** Settings of every child JVM. */
    public static class Child {

        /** JVM arguments every child gets; replaces the defaults (a small, quick-starting JVM). */
        private List<String> jvmArguments = new ArrayList<>(LauncherConfig.DEFAULT_JVM_ARGUMENTS);

        /** Maximum heap of each child JVM (-Xmx). Defaults to the JVM's own choice. */
        private @Nullable DataSize maxHeap;

        /** Whether children write to this application's standard output and error. */
        private boolean inheritIo = true;

        /**
         * Number of idle child JVMs kept started ahead, so that starting a child only hands over its task. Each
         * costs the memory of an idle JVM; only children started with default options use them.
         */
        private int poolSize;

        /**
         * Whether children use the JDK's AOT cache (JDK 25+, class path of jars only), trained once in the
         * background and kept in a private per-user directory.
         */
        private boolean aotCache = true;

        /** Directory of the AOT cache. Defaults to $XDG_CACHE_HOME/gipc/aot, else ~/.cache/gipc/aot. */
        private @Nullable Path aotCacheDirectory;

        public boolean isAotCache() {
            return this.aotCache;
        }

        public void setAotCache(boolean aotCache) {
            this.aotCache = aotCache;
        }

        public @Nullable Path getAotCacheDirectory() {
            return this.aotCacheDirectory;
        }

        public void setAotCacheDirectory(@Nullable Path aotCacheDirectory) {
            this.aotCacheDirectory = aotCacheDirectory;
        }

        public int getPoolSize() {
            return this.poolSize;
        }

        public void setPoolSize(int poolSize) {
            this.poolSize = poolSize;
        }

        public List<String> getJvmArguments() {
            return this.jvmArguments;
        }

        public void setJvmArguments(List<String> jvmArguments) {
            this.jvmArguments = jvmArguments;
        }

        public @Nullable DataSize getMaxHeap() {
            return this.maxHeap;
        }

        public void setMaxHeap(@Nullable DataSize maxHeap) {
            this.maxHeap = maxHeap;
        }

        public boolean isInheritIo() {
            return this.inheritIo;
        }

        public void setInheritIo(boolean inheritIo) {
            this.inheritIo = inheritIo;
        }
    }

    /** How children end when the application context closes. */
    public static class Shutdown {

        /** How long to wait, after SIGTERM, for children to exit before sending SIGKILL. */
        private Duration timeout = Duration.ofSeconds(10);

        public Duration getTimeout() {
            return this.timeout;
        }

        public void setTimeout(Duration timeout) {
            this.timeout = timeout;
        }
    }

    /** Settings of the default (Kryo) codec. */
    public static class Kryo {

        /**
         * Whether the Kryo codec accepts only the allowed classes and packages (and its built-in JDK types) instead of
         * any class outside its deny-list.
         */
        private boolean registrationRequired;

        /** Binary names of the classes the Kryo codec accepts when registration is required. */
        private List<String> allowedClasses = new ArrayList<>();

        /** Packages (sub-packages included) whose classes the Kryo codec accepts when registration is required. */
        private List<String> allowedPackages = new ArrayList<>();

        /** Binary names of classes the Kryo codec refuses, in addition to its deny-list of gadget classes. */
        private List<String> deniedClasses = new ArrayList<>();

        /** Packages (sub-packages included) the Kryo codec refuses, in addition to its deny-list. */
        private List<String> deniedPackages = new ArrayList<>();

        public boolean isRegistrationRequired() {
            return this.registrationRequired;
        }

        public void setRegistrationRequired(boolean registrationRequired) {
            this.registrationRequired = registrationRequired;
        }

        public List<String> getAllowedClasses() {
            return this.allowedClasses;
        }

        public void setAllowedClasses(List<String> allowedClasses) {
            this.allowedClasses = allowedClasses;
        }

        public List<String> getAllowedPackages() {
            return this.allowedPackages;
        }

        public void setAllowedPackages(List<String> allowedPackages) {
            this.allowedPackages = allowedPackages;
        }

        public List<String> getDeniedClasses() {
            return this.deniedClasses;
        }

        public void setDeniedClasses(List<String> deniedClasses) {
            this.deniedClasses = deniedClasses;
        }

        public List<String> getDeniedPackages() {
            return this.deniedPackages;
        }

        public void setDeniedPackages(List<String> deniedPackages) {
            this.deniedPackages = deniedPackages;
        }
    }

    /** A pipe created as a bean. */
    public static class Pipe {

        /** Whether the pipe is duplex (a DuplexPipe bean) rather than simplex (a Pipe bean). */
        private boolean duplex;

        /** Codec of the pipe's messages. */
        private PipeCodec codec = PipeCodec.KRYO;

        /** Largest encoded message this pipe accepts. Defaults to gipc.max-message-size. */
        private @Nullable DataSize maxMessageSize;

        public boolean isDuplex() {
            return this.duplex;
        }

        public void setDuplex(boolean duplex) {
            this.duplex = duplex;
        }

        public PipeCodec getCodec() {
            return this.codec;
        }

        public void setCodec(PipeCodec codec) {
            this.codec = codec;
        }

        public @Nullable DataSize getMaxMessageSize() {
            return this.maxMessageSize;
        }

        public void setMaxMessageSize(@Nullable DataSize maxMessageSize) {
            this.maxMessageSize = maxMessageSize;
        }
    }

    /** A pool of worker JVMs created as a bean: warm workers that run an entry point call after call. */
    public static class Pool {

        /** Name of the @ChildProcess entry point the pool's workers run. */
        private @Nullable String entryPoint;

        /** Number of worker JVMs the pool keeps. */
        private int workers = 1;

        /** Number of calls after which a worker exits and is replaced. 0 for never. */
        private int maxTasksPerWorker;

        /**
         * How long a call may run before it fails and its worker is killed and replaced. Also bounds a new worker's
         * warm-up (in SPRING mode, the start of its application context). Defaults to no limit.
         */
        private @Nullable Duration taskTimeout;

        /** JVM arguments the pool's workers get, after gipc.child.jvm-arguments. */
        private List<String> jvmArguments = new ArrayList<>();

        public @Nullable String getEntryPoint() {
            return this.entryPoint;
        }

        public void setEntryPoint(@Nullable String entryPoint) {
            this.entryPoint = entryPoint;
        }

        public int getWorkers() {
            return this.workers;
        }

        public void setWorkers(int workers) {
            this.workers = workers;
        }

        public int getMaxTasksPerWorker() {
            return this.maxTasksPerWorker;
        }

        public void setMaxTasksPerWorker(int maxTasksPerWorker) {
            this.maxTasksPerWorker = maxTasksPerWorker;
        }

        public @Nullable Duration getTaskTimeout() {
            return this.taskTimeout;
        }

        public void setTaskTimeout(@Nullable Duration taskTimeout) {
            this.taskTimeout = taskTimeout;
        }

        public List<String> getJvmArguments() {
            return this.jvmArguments;
        }

        public void setJvmArguments(List<String> jvmArguments) {
            this.jvmArguments = jvmArguments;
        }
    }

    /** The codec of a pipe declared in configuration. */
    public enum PipeCodec {

        /** Kryo, configured by gipc.kryo.*: any object graph, or only the allowed classes. */
        KRYO,

        /** No encoding: byte[] in and out. */
        RAW
    }
}
