package io.gipc.benchmarks;

/**
 * Every figure the suite reports, with the reference numbers and targets of issue 5 (gipc 1.8.0 on CPython 3.11
 * and C over an AF_UNIX socketpair, both measured on the development machine).
 *
 * <p>Values are in the figure's display unit. "MB" is 2<sup>20</sup> bytes, as in gipc's own benchmark scripts.
 */
public enum Figure {
    THROUGHPUT_64K_MSGS(
            "throughput-64000-msgs",
            "64,000-byte messages, raw codec",
            "msgs/s",
            Better.HIGHER,
            null,
            null,
            null,
            null,
            null),
    THROUGHPUT_64K_MBPS(
            "throughput-64000-mbps",
            "64,000-byte messages, raw codec",
            "MB/s",
            Better.HIGHER,
            null,
            "1,757",
            1757.0,
            "3,200",
            Target.atLeast(2600, 0.85, "≥ 2,600 MB/s and ≥ 0.85x baseline")),
    THROUGHPUT_64K_KRYO_MBPS(
            "throughput-64000-kryo-mbps",
            "64,000-byte messages, default codec (Kryo)",
            "MB/s",
            Better.HIGHER,
            "throughput-64000-mbps",
            "1,757 (pickle)",
            1757.0,
            "3,200",
            null),
    THROUGHPUT_1B_MSGS(
            "throughput-1-msgs",
            "1-byte messages, raw codec",
            "msgs/s",
            Better.HIGHER,
            null,
            "239k",
            239_000.0,
            "257k one write each; 42M batched",
            Target.atLeast(2_400_000, Double.NaN, "≥ 2.4M/s")),
    THROUGHPUT_1B_KRYO_MSGS(
            "throughput-1-kryo-msgs",
            "1-byte messages, default codec (Kryo)",
            "msgs/s",
            Better.HIGHER,
            "throughput-1-msgs",
            "239k (pickle)",
            239_000.0,
            "257k one write each; 42M batched",
            null),
    LARGE_RAW_MBPS(
            "large-raw-mbps",
            "763 MiB message, raw codec",
            "MB/s",
            Better.HIGHER,
            null,
            "321",
            321.0,
            "2,800",
            Target.atLeast(1000, Double.NaN, "≥ 1,000 MB/s")),
    LARGE_KRYO_MBPS(
            "large-kryo-mbps",
            "763 MiB message, default codec (Kryo)",
            "MB/s",
            Better.HIGHER,
            "large-raw-mbps",
            "56 (pickle)",
            56.0,
            "2,800",
            Target.atLeast(560, Double.NaN, "≥ 560 MB/s")),
    ROUND_TRIP_PLATFORM_P50(
            "rtt-platform-p50",
            "16-byte duplex round trip p50, platform-thread caller",
            "µs",
            Better.LOWER,
            null,
            "46",
            46.0,
            "13.7",
            Target.atMost(23, "≤ 23 µs")),
    ROUND_TRIP_PLATFORM_P99(
            "rtt-platform-p99",
            "16-byte duplex round trip p99, platform-thread caller",
            "µs",
            Better.LOWER,
            null,
            null,
            null,
            null,
            null),
    ROUND_TRIP_VIRTUAL_P50(
            "rtt-virtual-p50",
            "16-byte duplex round trip p50, virtual-thread caller",
            "µs",
            Better.LOWER,
            null,
            "46",
            46.0,
            "13.7",
            Target.atMost(46, "≤ 46 µs")),
    ROUND_TRIP_VIRTUAL_P99(
            "rtt-virtual-p99",
            "16-byte duplex round trip p99, virtual-thread caller",
            "µs",
            Better.LOWER,
            null,
            null,
            null,
            null,
            null),
    START_P50(
            "start-p50",
            "start() until the task runs, p50",
            "ms",
            Better.LOWER,
            null,
            "4.2 (fork)",
            4.2,
            "1 (spawn)",
            Target.atMost(150, "≤ 150 ms")),
    START_POOLED_P50(
            "start-pooled-p50",
            "start() until the task runs, p50, pool of 2 (LauncherConfig.withPoolSize)",
            "ms",
            Better.LOWER,
            null,
            "4.2 (fork)",
            4.2,
            "1 (spawn)",
            Target.atMost(150, "≤ 150 ms")),
    START_MAX("start-max", "start() until the task runs, max", "ms", Better.LOWER, null, null, null, null, null),
    START_RETURN_P50("start-return-p50", "start() call returns, p50", "ms", Better.LOWER, null, null, null, null, null),
    TCP_ECHO_CLIENTS(
            "tcp-echo-clients",
            "example 2: TCP clients in one child, all served",
            "s",
            Better.LOWER,
            null,
            "0.55",
            0.55,
            null,
            Target.atMost(0.25, "≤ 0.25 s")),
    IDLE_CHILD_RSS(
            "idle-child-rss",
            "idle child resident memory (VmRSS)",
            "MB",
            Better.LOWER,
            null,
            null,
            null,
            "idle JVM 37-41",
            Target.atMost(45, "≤ 45 MB"));

    private final String id;
    private final String title;
    private final String unit;
    private final Better better;
    private final String baselineId;
    private final String gipcPythonText;
    private final Double gipcPython;
    private final String cText;
    private final Target target;

    Figure(
            String id,
            String title,
            String unit,
            Better better,
            String baselineId,
            String gipcPythonText,
            Double gipcPython,
            String cText,
            Target target) {
        this.id = id;
        this.title = title;
        this.unit = unit;
        this.better = better;
        this.baselineId = baselineId;
        this.gipcPythonText = gipcPythonText;
        this.gipcPython = gipcPython;
        this.cText = cText;
        this.target = target;
    }

    /**
     * Returns the stable identifier used in the JSON file.
     *
     * @return the id
     */
    public String id() {
        return id;
    }

    /**
     * Returns what is measured.
     *
     * @return a short title
     */
    public String title() {
        return title;
    }

    /**
     * Returns the display unit of the values.
     *
     * @return the unit
     */
    public String unit() {
        return unit;
    }

    /**
     * Returns whether higher or lower values are better.
     *
     * @return the direction
     */
    public Better better() {
        return better;
    }

    /**
     * Returns the figure whose baseline samples this one is compared with: itself, except for the default-codec
     * variants, whose baseline is the raw-socket one.
     *
     * @return the figure holding the baseline
     */
    public Figure baselineFigure() {
        if (baselineId == null) {
            return this;
        }
        for (Figure figure : values()) {
            if (figure.id.equals(baselineId)) {
                return figure;
            }
        }
        throw new IllegalStateException("no figure " + baselineId);
    }

    /**
     * Returns gipc's (Python) reference as printed in issue 5.
     *
     * @return the text, or {@code null} when the issue gives none
     */
    public String gipcPythonText() {
        return gipcPythonText;
    }

    /**
     * Returns gipc's (Python) reference as a number in this figure's unit, for the chart.
     *
     * @return the number, or {@code null}
     */
    public Double gipcPython() {
        return gipcPython;
    }

    /**
     * Returns C's reference as printed in issue 5.
     *
     * @return the text, or {@code null} when the issue gives none
     */
    public String cText() {
        return cText;
    }

    /**
     * Returns the target of issue 5.
     *
     * @return the target, or {@code null} for figures reported for information
     */
    public Target target() {
        return target;
    }

    /** Whether higher or lower values are better. */
    public enum Better {
        /** Rates. */
        HIGHER,
        /** Times and sizes. */
        LOWER
    }

    /**
     * A target: a threshold on the median and, optionally, on the ratio to the baseline.
     *
     * @param text how issue 5 states it
     * @param threshold the limit in the figure's unit
     * @param atLeast whether the median must be at least (rather than at most) the threshold
     * @param minRatio the least ratio gipc/baseline, or NaN when there is none
     */
    public record Target(String text, double threshold, boolean atLeast, double minRatio) {

        static Target atLeast(double threshold, double minRatio, String text) {
            return new Target(text, threshold, true, minRatio);
        }

        static Target atMost(double threshold, String text) {
            return new Target(text, threshold, false, Double.NaN);
        }

        /**
         * Tells whether a measurement meets the target.
         *
         * @param median gipc's median
         * @param ratio gipc's median over the baseline's, or NaN when there is no baseline
         * @return whether it is met
         */
        public boolean isMet(double median, double ratio) {
            boolean value = atLeast ? median >= threshold : median <= threshold;
            if (!Double.isNaN(minRatio)) {
                value = value && !Double.isNaN(ratio) && ratio >= minRatio;
            }
            return value;
        }
    }
}
