package io.gipc.benchmarks;

import io.gipc.benchmarks.report.JsonWriter;
import io.gipc.benchmarks.report.Report;
import io.gipc.benchmarks.report.ResultTable;
import io.gipc.benchmarks.report.SvgChart;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Runs the whole suite: prints the table on stdout (progress goes to stderr) and writes {@code benchmarks.json},
 * {@code benchmarks.svg} and {@code benchmarks-table.md} to {@code --out}. Exits with 0 when every figure was
 * measured on every side this machine can run (a Python side without an interpreter, or gipc's without
 * {@code --gipc}, is reported as not measured, which is no failure), 1 when a measurement failed, 2 on a bad
 * command line.
 */
public final class BenchmarkMain {

    private BenchmarkMain() {}

    /**
     * The command-line entry point.
     *
     * @param args see {@code --help}
     * @throws IOException when the results cannot be written
     */
    public static void main(String[] args) throws IOException {
        if (args.length == 1 && (args[0].equals("--help") || args[0].equals("-h"))) {
            System.out.print(BenchmarkOptions.USAGE);
            return;
        }
        BenchmarkOptions options;
        try {
            options = BenchmarkOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        Report report = run(options);
        System.exit(report.failed() ? 1 : 0);
    }

    /**
     * Runs the suite and writes its results.
     *
     * @param options the settings
     * @return the report
     * @throws IOException when the results cannot be written
     */
    public static Report run(BenchmarkOptions options) throws IOException {
        Report report = new Suite(options).run();
        Files.createDirectories(options.out());
        Path json = options.out().resolve("benchmarks.json");
        Path svg = options.out().resolve("benchmarks.svg");
        Path markdown = options.out().resolve("benchmarks-table.md");
        Files.writeString(json, JsonWriter.write(report));
        Files.writeString(svg, SvgChart.render(report));
        Files.writeString(markdown, ResultTable.markdown(report));
        System.out.println();
        System.out.print(ResultTable.text(report));
        System.out.printf(
                "%nmachine: %d CPUs, %s, %s; %s%n",
                report.machine().processors(),
                report.machine().cpuModel(),
                report.machine().memory(),
                report.machine().jdk());
        System.out.printf("took %d s; wrote %s, %s and %s%n", report.elapsed().toSeconds(), json, svg, markdown);
        return report;
    }
}
