package io.gipc;

import java.io.Serial;
import java.io.Serializable;
import java.util.Arrays;
import java.util.Collections;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which classes the default codec ({@link Codec#kryo(KryoOptions)}) accepts.
 *
 * <p>{@link #defaults()} accepts any class except a built-in deny-list of known deserialization gadget classes
 * (and whatever {@link #denying(String...)} adds). {@link #strict()} or any {@code allowing...} method turns on
 * allow-list mode: then only the JDK types that the codec has dedicated serializers for (strings, boxed primitives,
 * arrays of accepted types, the common {@code java.util}, {@code java.time}, {@code java.math}, {@code java.net}
 * value and collection types, JDK and gipc exceptions; the list is in the user guide) and the allowed classes and
 * packages are accepted. In both modes the deny-list wins, and a refused class fails the {@code put} that sends it or the
 * {@code get} that receives it with a {@link GipcException} naming the class; on the receiving side the check runs on
 * the class name, before the class is loaded.
 *
 * <p>Instances are immutable and thread-safe; every method returns a new instance. Options are {@link Serializable}
 * and travel into children with the codec: equal options give equal codecs there. Class names are binary names as
 * {@link Class#getName()} returns them ({@code com.example.Outer$Inner}); a package name covers its sub-packages.
 */
public final class KryoOptions implements Serializable {
    @Serial
    private static final long serialVersionUID = 1L;

    private static final KryoOptions DEFAULTS = new KryoOptions(false, Set.of(), Set.of(), Set.of(), Set.of());

    private final boolean strict;
    private final Set<String> allowedClasses;
    private final Set<String> allowedPackages;
    private final Set<String> deniedClasses;
    private final Set<String> deniedPackages;

    private KryoOptions(
            boolean strict,
            Set<String> allowedClasses,
            Set<String> allowedPackages,
            Set<String> deniedClasses,
            Set<String> deniedPackages) {
        this.strict = strict;
        this.allowedClasses = allowedClasses;
        this.allowedPackages = allowedPackages;
        this.deniedClasses = deniedClasses;
        this.deniedPackages = deniedPackages;
    }

    /**
     * Returns the default options: any class except the built-in deny-list.
     *
     * @return the options
     */
    public static KryoOptions defaults() {
        return DEFAULTS;
    }

    /**
     * Returns these options in allow-list mode: only the codec's built-in JDK types and the allowed classes and
     * packages are accepted.
     *
     * @return the new options
     */
    public KryoOptions strict() {
        return new KryoOptions(true, allowedClasses, allowedPackages, deniedClasses, deniedPackages);
    }

    /**
     * Returns these options in allow-list mode, also accepting the given classes.
     *
     * @param classes the classes to accept
     * @return the new options
     * @throws NullPointerException when a class is {@code null}
     */
    public KryoOptions allowing(Class<?>... classes) {
        return allowing(names(classes));
    }

    /**
     * Returns these options in allow-list mode, also accepting the named classes.
     *
     * @param classNames binary class names, for example {@code com.example.Order}
     * @return the new options
     * @throws IllegalArgumentException when a name is not a class name
     */
    public KryoOptions allowing(String... classNames) {
        return new KryoOptions(
                true, plus(allowedClasses, classNames, "class"), allowedPackages, deniedClasses, deniedPackages);
    }

    /**
     * Returns these options in allow-list mode, also accepting every class in the named packages and their
     * sub-packages.
     *
     * @param packageNames package names, for example {@code com.example.messages}
     * @return the new options
     * @throws IllegalArgumentException when a name is not a package name
     */
    public KryoOptions allowingPackages(String... packageNames) {
        return new KryoOptions(
                true, allowedClasses, plus(allowedPackages, packageNames, "package"), deniedClasses, deniedPackages);
    }

    /**
     * Returns these options, also refusing the given classes. Refusing wins over allowing.
     *
     * @param classes the classes to refuse
     * @return the new options
     * @throws NullPointerException when a class is {@code null}
     */
    public KryoOptions denying(Class<?>... classes) {
        return denying(names(classes));
    }

    /**
     * Returns these options, also refusing the named classes. Refusing wins over allowing.
     *
     * @param classNames binary class names
     * @return the new options
     * @throws IllegalArgumentException when a name is not a class name
     */
    public KryoOptions denying(String... classNames) {
        return new KryoOptions(
                strict, allowedClasses, allowedPackages, plus(deniedClasses, classNames, "class"), deniedPackages);
    }

    /**
     * Returns these options, also refusing every class in the named packages and their sub-packages.
     *
     * @param packageNames package names
     * @return the new options
     * @throws IllegalArgumentException when a name is not a package name
     */
    public KryoOptions denyingPackages(String... packageNames) {
        return new KryoOptions(
                strict, allowedClasses, allowedPackages, deniedClasses, plus(deniedPackages, packageNames, "package"));
    }

    /**
     * Returns whether these options are in allow-list mode.
     *
     * @return {@code true} when only built-in and allowed classes are accepted
     */
    public boolean isStrict() {
        return strict;
    }

    /**
     * Returns the classes allowed beyond the built-in JDK types (in allow-list mode).
     *
     * @return sorted, unmodifiable class names
     */
    public Set<String> allowedClasses() {
        return allowedClasses;
    }

    /**
     * Returns the packages allowed beyond the built-in JDK types (in allow-list mode).
     *
     * @return sorted, unmodifiable package names
     */
    public Set<String> allowedPackages() {
        return allowedPackages;
    }

    /**
     * Returns the classes refused in addition to the built-in deny-list.
     *
     * @return sorted, unmodifiable class names
     */
    public Set<String> deniedClasses() {
        return deniedClasses;
    }

    /**
     * Returns the packages refused in addition to the built-in deny-list.
     *
     * @return sorted, unmodifiable package names
     */
    public Set<String> deniedPackages() {
        return deniedPackages;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof KryoOptions other
                && strict == other.strict
                && allowedClasses.equals(other.allowedClasses)
                && allowedPackages.equals(other.allowedPackages)
                && deniedClasses.equals(other.deniedClasses)
                && deniedPackages.equals(other.deniedPackages);
    }

    @Override
    public int hashCode() {
        return Objects.hash(strict, allowedClasses, allowedPackages, deniedClasses, deniedPackages);
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder(strict ? "allow-list" : "deny-list");
        append(s, " allowing ", allowedClasses);
        append(s, " allowing packages ", allowedPackages);
        append(s, " denying ", deniedClasses);
        append(s, " denying packages ", deniedPackages);
        return s.toString();
    }

    @Serial
    private Object readResolve() {
        // a deserialized instance is checked like a built one: the sets must be valid names
        KryoOptions checked = new KryoOptions(
                strict,
                plus(Set.of(), allowedClasses.toArray(String[]::new), "class"),
                plus(Set.of(), allowedPackages.toArray(String[]::new), "package"),
                plus(Set.of(), deniedClasses.toArray(String[]::new), "class"),
                plus(Set.of(), deniedPackages.toArray(String[]::new), "package"));
        return checked.equals(DEFAULTS) ? DEFAULTS : checked;
    }

    private static void append(StringBuilder s, String label, Set<String> names) {
        if (!names.isEmpty()) {
            s.append(label).append(names);
        }
    }

    private static String[] names(Class<?>... classes) {
        return Arrays.stream(classes)
                .map(c -> Objects.requireNonNull(c, "class must not be null").getName())
                .toArray(String[]::new);
    }

    private static Set<String> plus(Set<String> existing, String[] names, String kind) {
        TreeSet<String> all = new TreeSet<>(existing);
        for (String name : names) {
            all.add(checkName(name, kind));
        }
        return Collections.unmodifiableSet(all);
    }

    private static String checkName(String name, String kind) {
        if (name == null || name.isEmpty()) {
            throw new IllegalArgumentException("a " + kind + " name must not be null or empty");
        }
        boolean validSegments = !name.startsWith(".") && !name.endsWith(".") && !name.contains("..");
        for (int i = 0; i < name.length() && validSegments; i++) {
            char c = name.charAt(i);
            validSegments = c == '.' || Character.isJavaIdentifierPart(c);
        }
        if (!validSegments) {
            throw new IllegalArgumentException("'" + name + "' is not a " + kind + " name: use a binary name like "
                    + ("class".equals(kind) ? "com.example.Outer$Inner" : "com.example (sub-packages included)")
                    + ", without wildcards or array brackets");
        }
        return name;
    }
}
