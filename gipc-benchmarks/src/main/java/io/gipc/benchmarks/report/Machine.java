package io.gipc.benchmarks.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The machine the suite ran on.
 *
 * @param processors what the JVM sees ({@code nproc})
 * @param cpuModel the first {@code model name} of {@code /proc/cpuinfo}
 * @param memory {@code MemTotal} of {@code /proc/meminfo}
 * @param jdk the runtime's name and version
 * @param os the operating system's name, version and architecture
 */
public record Machine(int processors, String cpuModel, String memory, String jdk, String os) {

    /**
     * Reads the current machine.
     *
     * @return its description
     */
    public static Machine current() {
        return new Machine(
                Runtime.getRuntime().availableProcessors(),
                procField("/proc/cpuinfo", "model name"),
                procField("/proc/meminfo", "MemTotal"),
                System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version") + " ("
                        + System.getProperty("java.vm.vendor") + ")",
                System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                        + System.getProperty("os.arch"));
    }

    private static String procField(String file, String field) {
        try {
            List<String> lines = Files.readAllLines(Path.of(file));
            for (String line : lines) {
                if (line.startsWith(field)) {
                    return line.substring(line.indexOf(':') + 1).trim();
                }
            }
        } catch (IOException e) {
            return "unknown (" + e.getMessage() + ")";
        }
        return "unknown";
    }

    /**
     * Returns the description as JSON-friendly values.
     *
     * @return name to value
     */
    public Map<String, Object> asMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("processors", processors);
        map.put("cpuModel", cpuModel);
        map.put("memory", memory);
        map.put("jdk", jdk);
        map.put("os", os);
        return map;
    }
}
