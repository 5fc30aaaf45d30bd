package io.gipc.benchmarks;

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
        List<String> childJvmArguments) {

    /** The scenario names {@code --only} accepts. */
    public static final List<String> SCENARIOS =
            List.of("throughput-64000", "throughput-1", "large", "rtt", "start", "tcp-echo", "idle-memory");

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
                    childJvmArguments);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a number: " + e.getMessage() + "\n" + USAGE, e);
        }
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
