package io.gipc.benchmarks;

import static io.gipc.benchmarks.Target.Against.BASELINE;
import static io.gipc.benchmarks.Target.Against.PYTHON;
import static io.gipc.benchmarks.Target.Against.RAW;
import static io.gipc.benchmarks.python.PythonSide.GIPC;
import static io.gipc.benchmarks.python.PythonSide.PPE;

import io.gipc.benchmarks.python.PythonSide;

/**
 * Every figure the suite reports: what gipc-JVM's side measures, what it is compared with in the same run (the
 * raw-JDK baseline, a Python side, the raw-codec figure), the recorded reference numbers of issue 5 (gipc 1.8.0 on
 * CPython 3.11 and C over an AF_UNIX socketpair, both measured on the development machine) and the target.
 *
 * <p>Values are in the figure's display unit. "MB" is 2<sup>20</sup> bytes, as in gipc's own benchmark scripts.
 */
public enum Figure {
    THROUGHPUT_64K_MSGS(new Spec("throughput-64000-msgs", "64,000-byte messages, raw codec", "msgs/s", true)
            .python(GIPC, "gipc, encoder=None")),
    THROUGHPUT_64K_MBPS(new Spec("throughput-64000-mbps", "64,000-byte messages, raw codec", "MB/s", true)
            .recorded("1,757 (pickle)", 1757.0)
            .c("3,200")
            .python(GIPC, "gipc, encoder=None")
            .target(Target.atLeast(2600, "≥ 2,600 MB/s and ≥ 0.85x baseline").andRatioAtLeast(BASELINE, 0.85))),
    THROUGHPUT_64K_KRYO_MBPS(
            new Spec("throughput-64000-kryo-mbps", "64,000-byte messages, default codec (Kryo)", "MB/s", true)
                    .baselineOf("throughput-64000-mbps")
                    .rawOf("throughput-64000-mbps")
                    .recorded("1,757 (pickle)", 1757.0)
                    .c("3,200")
                    .python(GIPC, "gipc, pickle (default)")
                    .target(Target.ratioAtLeast(RAW, 0.9, "≥ 0.9x raw codec"))),
    THROUGHPUT_1B_MSGS(new Spec("throughput-1-msgs", "1-byte messages, raw codec", "msgs/s", true)
            .recorded("239k (pickle)", 239_000.0)
            .c("257k one write each; 42M batched")
            .python(GIPC, "gipc, encoder=None")
            .target(Target.atLeast(2_400_000, "≥ 2.4M/s"))),
    THROUGHPUT_1B_KRYO_MSGS(new Spec("throughput-1-kryo-msgs", "1-byte messages, default codec (Kryo)", "msgs/s", true)
            .baselineOf("throughput-1-msgs")
            .rawOf("throughput-1-msgs")
            .recorded("239k (pickle)", 239_000.0)
            .c("257k one write each; 42M batched")
            .python(GIPC, "gipc, pickle (default)")),
    THROUGHPUT_STRING_64K_MBPS(new Spec(
                    "throughput-string-64000-mbps",
                    "64,000-character String messages, default codec (1 char = 1 byte)",
                    "MB/s",
                    true)
            .noBaseline()
            .python(GIPC, "gipc, pickle, str")
            .target(Target.ratioAtLeast(PYTHON, 1.5, "≥ 1.5x gipc (pickle)"))),
    RECORDS_1000_MSGS(new Spec(
                    "records-1000-msgs",
                    "message = List of 1,000 records (int, double, String), default codec",
                    "msgs/s",
                    true)
            .noBaseline()
            .python(GIPC, "gipc, pickle, list of 1,000 tuples")
            .target(Target.ratioAtLeast(PYTHON, 2, "≥ 2x gipc (pickle)"))),
    LARGE_RAW_MBPS(new Spec("large-raw-mbps", "763 MiB message, raw codec", "MB/s", true)
            .recorded("321", 321.0)
            .c("2,800")
            .python(GIPC, "gipc duplex, encoder=None")
            .target(Target.ratioAtLeast(PYTHON, 3, "≥ 3x gipc (raw)"))),
    LARGE_KRYO_MBPS(new Spec("large-kryo-mbps", "763 MiB message, default codec (Kryo)", "MB/s", true)
            .baselineOf("large-raw-mbps")
            .rawOf("large-raw-mbps")
            .recorded("56 (pickle)", 56.0)
            .c("2,800")
            .python(GIPC, "gipc duplex, pickle (default)")
            .target(Target.ratioAtLeast(RAW, 0.8, "≥ 0.8x raw codec"))),
    ROUND_TRIP_PLATFORM_P50(
            new Spec("rtt-platform-p50", "16-byte duplex round trip p50, platform-thread caller", "µs", false)
                    .recorded("46", 46.0)
                    .c("13.7")
                    .python(GIPC, "gipc duplex, encoder=None")
                    .target(Target.ratioAtMost(PYTHON, 0.5, "≤ 0.5x gipc"))),
    ROUND_TRIP_PLATFORM_P99(
            new Spec("rtt-platform-p99", "16-byte duplex round trip p99, platform-thread caller", "µs", false)
                    .python(GIPC, "gipc duplex, encoder=None")),
    ROUND_TRIP_VIRTUAL_P50(
            new Spec("rtt-virtual-p50", "16-byte duplex round trip p50, virtual-thread caller", "µs", false)
                    .recorded("46", 46.0)
                    .c("13.7")
                    .python(GIPC, "gipc duplex, encoder=None")
                    .target(Target.ratioAtMost(PYTHON, 1.0, "≤ 1.0x gipc"))),
    ROUND_TRIP_VIRTUAL_P99(
            new Spec("rtt-virtual-p99", "16-byte duplex round trip p99, virtual-thread caller", "µs", false)
                    .python(GIPC, "gipc duplex, encoder=None")),
    START_P50(new Spec("start-p50", "start() until the task runs, p50, fresh JVM, no AOT cache", "ms", false)
            .recorded("4.2 (fork)", 4.2)
            .c("1 (spawn)")
            .python(GIPC, "gipc start_process (fork), back to back")
            .target(Target.ratioAtMost(BASELINE, 1.1, "≤ 1.1x baseline (plain JVM)"))),
    START_AOT_P50(new Spec("start-aot-p50", "start() until the task runs, p50, fresh JVM, AOT cache", "ms", false)
            .python(GIPC, "gipc start_process (fork), back to back")
            .target(Target.ratioAtMost(BASELINE, 0.6, "≤ 0.6x baseline (plain JVM)"))),
    START_POOLED_P50(new Spec(
                    "start-pooled-p50",
                    "start() until the task runs, p50, pool of 2 refilled back to back (withPoolSize(2))",
                    "ms",
                    false)
            .recorded("4.2 (fork)", 4.2)
            .c("1 (spawn)")
            .python(GIPC, "gipc start_process (fork), back to back")
            .target(Target.atMost(150, "≤ 150 ms"))),
    START_WARM_P50(new Spec(
                    "start-warm-p50",
                    "start() until the task runs, p50, pooled JVM idle ≥ 1 s (withPoolSize(1))",
                    "ms",
                    false)
            .noBaseline()
            .recorded("4.2 (fork)", 4.2)
            .python(GIPC, "gipc start_process (fork), idle 1 s before each")
            .target(Target.ratioAtMost(PYTHON, 0.5, "≤ 0.5x gipc fork"))),
    START_MAX(new Spec("start-max", "start() until the task runs, max, fresh JVM", "ms", false)
            .python(GIPC, "gipc start_process (fork), back to back")),
    START_RETURN_P50(new Spec("start-return-p50", "start() call returns, p50, fresh JVM", "ms", false)),
    POOL_RTT_P50(new Spec("pool-rtt-p50", "WorkerPool of 2: submit → result p50, trivial task, sequential", "µs", false)
            .noBaseline()
            .python(PPE, "PPE(max_workers=2) submit().result()")
            .target(Target.ratioAtMost(PYTHON, 0.3, "≤ 0.3x ProcessPoolExecutor"))),
    POOL_RTT_P99(new Spec("pool-rtt-p99", "WorkerPool of 2: submit → result p99, trivial task, sequential", "µs", false)
            .noBaseline()
            .python(PPE, "PPE(max_workers=2) submit().result()")),
    POOL_MAP_TASKS(
            new Spec("pool-map-tasks", "WorkerPool of 2: map of 20,000 trivial tasks (vs chunksize 1)", "tasks/s", true)
                    .noBaseline()
                    .python(PPE, "PPE(max_workers=2) map, chunksize=1")
                    .target(Target.ratioAtLeast(PYTHON, 10, "≥ 10x ProcessPoolExecutor chunksize 1"))),
    POOL_MAP_TASKS_VS_CHUNKED(new Spec(
                    "pool-map-tasks-vs-chunked",
                    "WorkerPool of 2: map of 20,000 trivial tasks (vs chunksize 500)",
                    "tasks/s",
                    true)
            .noBaseline()
            .python(PPE, "PPE(max_workers=2) map, chunksize=500")
            .target(Target.ratioAtLeast(PYTHON, 1.0, "≥ 1.0x ProcessPoolExecutor chunksize 500"))),
    TCP_ECHO_CLIENTS(new Spec("tcp-echo-clients", "example 2: TCP clients in one child, all served", "s", false)
            .recorded("0.55", 0.55)
            .target(Target.atMost(0.25, "≤ 0.25 s"))),
    IDLE_CHILD_RSS(new Spec("idle-child-rss", "idle child resident memory (VmRSS)", "MB", false)
            .c("idle JVM 37-41")
            .target(Target.atMost(45, "≤ 45 MB")));

    private final Spec spec;

    Figure(Spec spec) {
        this.spec = spec;
    }

    /**
     * Returns the stable identifier used in the JSON file.
     *
     * @return the id
     */
    public String id() {
        return spec.id;
    }

    /**
     * Returns what is measured.
     *
     * @return a short title
     */
    public String title() {
        return spec.title;
    }

    /**
     * Returns the display unit of the values.
     *
     * @return the unit
     */
    public String unit() {
        return spec.unit;
    }

    /**
     * Returns whether higher or lower values are better.
     *
     * @return the direction
     */
    public Better better() {
        return spec.higherIsBetter ? Better.HIGHER : Better.LOWER;
    }

    /**
     * Tells whether the raw-JDK baseline measures this figure (not for object messages, pools and warm starts).
     *
     * @return whether there is a baseline
     */
    public boolean hasBaseline() {
        return spec.hasBaseline;
    }

    /**
     * Returns the figure whose baseline samples this one is compared with: itself, except for the default-codec
     * variants, whose baseline is the raw-socket one.
     *
     * @return the figure holding the baseline
     */
    public Figure baselineFigure() {
        return spec.baselineId == null ? this : byId(spec.baselineId);
    }

    /**
     * Returns gipc-JVM's raw-codec figure of the same run that this default-codec figure is compared with.
     *
     * @return the figure, or {@code null} when this is not a default-codec variant
     */
    public Figure rawFigure() {
        return spec.rawId == null ? null : byId(spec.rawId);
    }

    /**
     * Returns the Python library measured in the same run as this figure's comparison.
     *
     * @return the side, or {@code null} when there is none
     */
    public PythonSide pythonSide() {
        return spec.pythonSide;
    }

    /**
     * Returns what exactly the Python side measures for this figure.
     *
     * @return a short description, or {@code null}
     */
    public String pythonDescription() {
        return spec.pythonDescription;
    }

    /**
     * Returns gipc's (Python) recorded reference as printed in issue 5.
     *
     * @return the text, or {@code null} when the issue gives none
     */
    public String gipcPythonText() {
        return spec.recordedText;
    }

    /**
     * Returns gipc's (Python) recorded reference as a number in this figure's unit.
     *
     * @return the number, or {@code null}
     */
    public Double gipcPython() {
        return spec.recorded;
    }

    /**
     * Returns C's reference as printed in issue 5.
     *
     * @return the text, or {@code null} when the issue gives none
     */
    public String cText() {
        return spec.cText;
    }

    /**
     * Returns the target.
     *
     * @return the target, or {@code null} for figures reported for information
     */
    public Target target() {
        return spec.target;
    }

    private static Figure byId(String id) {
        for (Figure figure : values()) {
            if (figure.id().equals(id)) {
                return figure;
            }
        }
        throw new IllegalStateException("no figure " + id);
    }

    /** Whether higher or lower values are better. */
    public enum Better {
        /** Rates. */
        HIGHER,
        /** Times and sizes. */
        LOWER
    }

    /** A figure's description, built step by step so that each constant names only what it has. */
    private static final class Spec {
        private final String id;
        private final String title;
        private final String unit;
        private final boolean higherIsBetter;
        private boolean hasBaseline = true;
        private String baselineId;
        private String rawId;
        private String recordedText;
        private Double recorded;
        private String cText;
        private PythonSide pythonSide;
        private String pythonDescription;
        private Target target;

        Spec(String id, String title, String unit, boolean higherIsBetter) {
            this.id = id;
            this.title = title;
            this.unit = unit;
            this.higherIsBetter = higherIsBetter;
        }

        Spec noBaseline() {
            hasBaseline = false;
            return this;
        }

        Spec baselineOf(String figureId) {
            baselineId = figureId;
            return this;
        }

        Spec rawOf(String figureId) {
            rawId = figureId;
            return this;
        }

        Spec recorded(String text, double value) {
            recordedText = text;
            recorded = value;
            return this;
        }

        Spec c(String text) {
            cText = text;
            return this;
        }

        Spec python(PythonSide side, String description) {
            pythonSide = side;
            pythonDescription = description;
            return this;
        }

        Spec target(Target value) {
            target = value;
            return this;
        }
    }
}
