package io.gipc;

import java.lang.ProcessBuilder.Redirect;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * How to start one child JVM: its name, extra JVM arguments, environment and where its output goes.
 *
 * <p>Immutable; every {@code with...} method returns a copy. By default the child has a generated name, the
 * launcher's JVM arguments, the parent's environment, and stdout/stderr that appear in the parent's.
 *
 * @param name the child's name, or {@code null} for a generated one unique within the launcher
 * @param jvmArguments JVM arguments added after the launcher's (for example {@code -Xmx64m})
 * @param environment variables added to the child's environment
 * @param output where the child's stdout goes
 * @param error where the child's stderr goes
 */
public record ChildOptions(
        String name, List<String> jvmArguments, Map<String, String> environment, Redirect output, Redirect error) {

    private static final ChildOptions DEFAULTS =
            new ChildOptions(null, List.of(), Map.of(), Redirect.INHERIT, Redirect.INHERIT);

    /**
     * Validates and copies the components.
     *
     * @throws IllegalArgumentException when a component is invalid
     */
    public ChildOptions {
        if (name != null && name.isBlank()) {
            throw new IllegalArgumentException("child name must not be blank");
        }
        jvmArguments = List.copyOf(Objects.requireNonNull(jvmArguments, "jvmArguments"));
        environment = Map.copyOf(Objects.requireNonNull(environment, "environment"));
        Objects.requireNonNull(output, "output");
        Objects.requireNonNull(error, "error");
        if (output == Redirect.PIPE || error == Redirect.PIPE) {
            throw new IllegalArgumentException("child output cannot be Redirect.PIPE: use INHERIT, DISCARD or a file");
        }
    }

    /**
     * Returns the default options.
     *
     * @return the defaults
     */
    public static ChildOptions defaults() {
        return DEFAULTS;
    }

    /**
     * Returns default options with a name.
     *
     * @param name the child's name
     * @return the options
     */
    public static ChildOptions named(String name) {
        return DEFAULTS.withName(Objects.requireNonNull(name, "name"));
    }

    /**
     * Returns a copy with another name.
     *
     * @param newName the name
     * @return the copy
     */
    public ChildOptions withName(String newName) {
        return new ChildOptions(newName, jvmArguments, environment, output, error);
    }

    /**
     * Returns a copy with these JVM arguments added.
     *
     * @param arguments the arguments, for example {@code "-Xmx64m"}
     * @return the copy
     */
    public ChildOptions withJvmArguments(String... arguments) {
        List<String> all = new ArrayList<>(jvmArguments);
        all.addAll(List.of(arguments));
        return new ChildOptions(name, all, environment, output, error);
    }

    /**
     * Returns a copy with this environment variable set.
     *
     * @param key the variable
     * @param value its value
     * @return the copy
     */
    public ChildOptions withEnvironment(String key, String value) {
        Map<String, String> all = new LinkedHashMap<>(environment);
        all.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
        return new ChildOptions(name, jvmArguments, all, output, error);
    }

    /**
     * Returns a copy whose stdout goes elsewhere.
     *
     * @param redirect where, for example {@code Redirect.appendTo(file)} or {@code Redirect.DISCARD}
     * @return the copy
     */
    public ChildOptions withOutput(Redirect redirect) {
        return new ChildOptions(name, jvmArguments, environment, redirect, error);
    }

    /**
     * Returns a copy whose stderr goes elsewhere.
     *
     * @param redirect where
     * @return the copy
     */
    public ChildOptions withError(Redirect redirect) {
        return new ChildOptions(name, jvmArguments, environment, output, redirect);
    }
}
