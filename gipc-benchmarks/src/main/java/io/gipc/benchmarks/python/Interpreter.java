package io.gipc.benchmarks.python;

import java.util.Map;

/**
 * A Python interpreter that passed its probe, and the environment its scripts run with.
 *
 * @param executable the command ({@code python3} to search {@code PATH}, or a path)
 * @param description what the probe printed: versions, and where gipc was imported from
 * @param environment variables to set (a {@code null} value removes one)
 */
public record Interpreter(String executable, String description, Map<String, String> environment) {}
