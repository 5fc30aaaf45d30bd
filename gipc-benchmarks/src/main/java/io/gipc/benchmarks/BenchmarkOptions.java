package io.gipc.benchmarks;

import io.gipc.LauncherConfig;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The suite's settings, from the command line.
 *
 * @param smoke whether this is a smoke run (tiny sizes, one repetition, no warm-up)
 * @param repetitions measured repetitions of every figure
 * @param minSeconds how long one throughput run must last at least; N doubles until it does
 * @param largeBytes the size of the large message
 * @param largeRepetitions measured repetitions of the large-message figure
 * @param roundTrips round trips per repetition of the latency figure
 * @param starts child starts per repetition of the start figure
 * @param clients TCP clients of example 2
 * @param idleMillis how long a child idles before its memory is read
 * @param out the directory for the JSON, chart and Markdown table
 * @param only the scenarios to run; empty means all
 * @param childJvmArguments JVM arguments added to every child, gipc's and the baseline's, after gipc's defaults
 * @param poolRoundTrips submit → result round trips per repetition of the pool latency figure
 * @param mapTasks inputs of one {@code map} in the pool map figure
 * @param warmStarts starts per repetition of the warm-pool start figure
 * @param warmIdleMillis how long the pre-started JVM idles before each warm-pool start
 * @param gipcCheckout a gipc source checkout for the same-run gipc (Python) figures, or {@code null} for none
 * @param python the Python interpreter of the same-run figures, or {@code null} to look for one
 */
public record BenchmarkOptions(
        boolean smoke,
        int repetitions,
        double minSeconds,
        int largeBytes,
        int largeRepetitions,
        int roundTrips,
        int starts,
        int clients,
        long idleMillis,
        Path out,
        Set<String> only,
        List<String> childJvmArguments,
        int poolRoundTrips,
        int mapTasks,
        int warmStarts,
        long warmIdleMillis,
        Path gipcCheckout,
        String python) {

    /** The scenario names {@code --only} accepts. */
    public static final List<String> SCENARIOS = List.of(
            "throughput-64000",
            "throughput-1",
            "throughput-string-64000",
            "records-1000",
            "large",
            "rtt",
            "start",
            "start-warm",
            "pool-rtt",
            "pool-map",
            "tcp-echo",
            "idle-memory");

    static final String USAGE = """
            usage: java -jar gipc-benchmarks.jar [options]
              --smoke               tiny sizes, 1 repetition: checks that everything runs (seconds)
              --reps N              measured repetitions per figure (default 3, at least 1)
              --min-seconds S       a throughput run lasts at least S seconds; N doubles until it does (default 1)
              --large-bytes B       size of the large message (default 800000000 = 763 MiB)
              --large-reps N        measured repetitions of the large message (default: --reps)
              --round-trips N       round trips per latency repetition (default 20000)
              --starts N            child starts per start-latency repetition (default 30)
              --clients N           TCP clients in example 2 (default 1000)
              --idle-millis MS      how long a child idles before its VmRSS is read (default 1000)
              --pool-round-trips N  submit -> result round trips per pool-latency repetition (default 2000)
              --map-tasks N         inputs of one pool map (default 20000)
              --warm-starts N       starts per warm-pool start repetition (default 10)
              --warm-idle-millis MS how long the pre-started JVM idles before each warm-pool start (default 1000)
              --gipc DIR            a gipc source checkout: measure gipc (Python) in the same run
                                    (without it, gipc's recorded figures are shown, marked "recorded")
              --python EXE          the Python for the same-run figures (default: the first of python3 on PATH
                                    and /usr/bin/python3 that can import gevent for gipc's figures, and that
                                    runs at all for ProcessPoolExecutor's)
              --out DIR             where benchmarks.json, benchmarks.svg and benchmarks-table.md go
                                    (default target/benchmark-results)
              --only A,B            run only these scenarios: %s
              --child-jvm-arg ARG   add a JVM argument to every child, gipc's and the baseline's (repeatable)
            """.formatted(String.join(", ", SCENARIOS));

    /**
     * Validates the settings.
     *
     * @throws IllegalArgumentException when one is out of range
     */
    public BenchmarkOptions {
        require(repetitions >= 1, "--reps must be at least 1");
        require(minSeconds >= 0, "--min-seconds must not be negative");
        require(largeBytes >= 1024, "--large-bytes must be at least 1024");
        require(largeRepetitions >= 1, "--large-reps must be at least 1");
        require(roundTrips >= 1, "--round-trips must be at least 1");
        require(starts >= 1, "--starts must be at least 1");
        require(clients >= 1, "--clients must be at least 1");
        require(idleMillis >= 0, "--idle-millis must not be negative");
        require(poolRoundTrips >= 1, "--pool-round-trips must be at least 1");
        require(mapTasks >= 1, "--map-tasks must be at least 1");
        require(warmStarts >= 1, "--warm-starts must be at least 1");
        require(warmIdleMillis >= 0, "--warm-idle-millis must not be negative");
        for (String name : only) {
            require(SCENARIOS.contains(name), "--only: unknown scenario '" + name + "'; known: " + SCENARIOS);
        }
        only = Set.copyOf(only);
        childJvmArguments = List.copyOf(childJvmArguments);
    }

    /**
     * Parses the command line.
     *
     * @param args the arguments
     * @return the options
     * @throws IllegalArgumentException when an argument is unknown or invalid
     */
    public static BenchmarkOptions parse(String... args) {
        Map<String, String> values = new LinkedHashMap<>();
        List<String> childJvmArguments = new ArrayList<>();
        boolean smoke = false;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--smoke")) {
                smoke = true;
            } else if (arg.equals("--child-jvm-arg")) {
                require(i + 1 < args.length, arg + " needs a value");
                childJvmArguments.add(args[++i]);
            } else if (arg.startsWith("--") && USAGE.contains(arg + " ")) {
                require(i + 1 < args.length, arg + " needs a value");
                values.put(arg, args[++i]);
            } else {
                throw new IllegalArgumentException("unknown argument '" + arg + "'\n" + USAGE);
            }
        }
        try {
            String repetitions = values.getOrDefault("--reps", smoke ? "1" : "3");
            return new BenchmarkOptions(
                    smoke,
                    Integer.parseInt(repetitions),
                    Double.parseDouble(values.getOrDefault("--min-seconds", smoke ? "0.01" : "1")),
                    Integer.parseInt(values.getOrDefault("--large-bytes", smoke ? "1048576" : "800000000")),
                    Integer.parseInt(values.getOrDefault("--large-reps", repetitions)),
                    Integer.parseInt(values.getOrDefault("--round-trips", smoke ? "200" : "20000")),
                    Integer.parseInt(values.getOrDefault("--starts", smoke ? "2" : "30")),
                    Integer.parseInt(values.getOrDefault("--clients", smoke ? "20" : "1000")),
                    Long.parseLong(values.getOrDefault("--idle-millis", smoke ? "0" : "1000")),
                    Path.of(values.getOrDefault("--out", "target/benchmark-results")),
                    values.containsKey("--only") ? Set.of(values.get("--only").split(",")) : Set.of(),
                    childJvmArguments,
                    Integer.parseInt(values.getOrDefault("--pool-round-trips", smoke ? "50" : "2000")),
                    Integer.parseInt(values.getOrDefault("--map-tasks", smoke ? "200" : "20000")),
                    Integer.parseInt(values.getOrDefault("--warm-starts", smoke ? "2" : "10")),
                    Long.parseLong(values.getOrDefault("--warm-idle-millis", smoke ? "0" : "1000")),
                    values.containsKey("--gipc") ? Path.of(values.get("--gipc")) : null,
                    values.get("--python"));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a number: " + e.getMessage() + "\n" + USAGE, e);
        }
    }

    /**
     * Returns the launcher settings of gipc's side: the defaults, with {@code --child-jvm-arg}s added to the
     * children's JVM arguments.
     *
     * @return the settings
     */
    public LauncherConfig launcherConfig() {
        LauncherConfig config = LauncherConfig.defaults();
        if (childJvmArguments.isEmpty()) {
            return config;
        }
        List<String> arguments = new ArrayList<>(config.jvmArguments());
        arguments.addAll(childJvmArguments);
        return config.withJvmArguments(arguments);
    }

    /**
     * Returns the unrecorded warm-up rounds before the repetitions (none in a smoke run).
     *
     * @return the count
     */
    public int warmups() {
        return smoke ? 0 : 1;
    }

    /**
     * Tells whether a scenario is to run.
     *
     * @param scenario its name
     * @return whether it runs
     */
    public boolean runs(String scenario) {
        return only.isEmpty() || only.contains(scenario);
    }

    /**
     * Returns the settings as JSON-friendly values.
     *
     * @return name to value
     */
    public Map<String, Object> asMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("smoke", smoke);
        map.put("repetitions", repetitions);
        map.put("warmups", warmups());
        map.put("minSeconds", minSeconds);
        map.put("largeBytes", largeBytes);
        map.put("largeRepetitions", largeRepetitions);
        map.put("roundTrips", roundTrips);
        map.put("starts", starts);
        map.put("clients", clients);
        map.put("idleMillis", idleMillis);
        map.put("poolRoundTrips", poolRoundTrips);
        map.put("mapTasks", mapTasks);
        map.put("warmStarts", warmStarts);
        map.put("warmIdleMillis", warmIdleMillis);
        map.put("gipc", gipcCheckout == null ? null : gipcCheckout.toString());
        map.put("python", python == null ? "auto" : python);
        map.put(
                "only",
                only.isEmpty() ? "all" : String.join(",", only.stream().sorted().toList()));
        return map;
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
