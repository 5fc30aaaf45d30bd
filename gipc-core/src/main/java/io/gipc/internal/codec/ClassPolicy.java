package io.gipc.internal.codec;

import io.gipc.KryoOptions;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Set;

/**
 * Decides which classes a codec accepts, from its {@link KryoOptions}: the deny-list (built-in plus the options')
 * always, the allow-list in strict mode. Names are checked before a class is loaded, so that bytes naming a refused
 * class never initialize it; loaded classes are checked again with their supertypes, so that a subclass of a denied
 * class is refused too.
 *
 * <p>Immutable after construction and used by one Kryo instance at a time.
 */
final class ClassPolicy {

    private final KryoOptions options;
    private final Set<String> builtIn;
    private final ClassLoader loader;
    private final boolean fallBackToOwnLoader;

    /**
     * @param options what to accept
     * @param builtIn names of the classes the codec registers itself (accepted in strict mode)
     * @param loader the loader to resolve names with, or {@code null} for the thread's context loader
     */
    ClassPolicy(KryoOptions options, Set<String> builtIn, ClassLoader loader) {
        this.options = options;
        this.builtIn = builtIn;
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        this.loader = loader != null ? loader : context != null ? context : ClassPolicy.class.getClassLoader();
        // an explicit loader is the whole truth (tests simulate a receiver without some class); the default one may
        // miss classes that gipc's own loader sees, as Kryo's resolver allows for
        this.fallBackToOwnLoader = loader == null;
    }

    ClassLoader loader() {
        return loader;
    }

    boolean isStrict() {
        return options.isStrict();
    }

    /**
     * Checks a class name read from a message, before loading it.
     *
     * @throws CodecRefusedException when the name is refused
     */
    void checkName(String name) {
        String element = elementName(name);
        if (element == null) {
            return; // an array of primitives
        }
        String denial = denial(element);
        if (denial != null) {
            throw refusedOnDecode(name, denial);
        }
        // JDK and gipc exceptions are accepted in strict mode, which needs the loaded class: checkClass decides
        if (options.isStrict()
                && !allowed(element)
                && !element.startsWith("java.")
                && !element.startsWith("io.gipc.")) {
            throw refusedOnDecode(name, notAllowed());
        }
    }

    /**
     * Loads a class named in a message: checks the name, loads without initializing, checks the class.
     *
     * @throws ClassNotFoundException when no loader of this codec has it
     */
    Class<?> load(String name) throws ClassNotFoundException {
        checkName(name);
        Class<?> type;
        try {
            type = Class.forName(name, false, loader);
        } catch (ClassNotFoundException e) {
            if (!fallBackToOwnLoader) {
                throw e;
            }
            type = Class.forName(name, false, ClassPolicy.class.getClassLoader());
        }
        checkClass(type, false);
        return type;
    }

    /**
     * Checks a class and its supertypes, when it is encoded or after it was loaded for decoding.
     *
     * @throws CodecRefusedException when the class is refused
     */
    void checkClass(Class<?> type, boolean encoding) {
        Class<?> element = type;
        while (element.isArray()) {
            element = element.getComponentType();
        }
        if (element.isPrimitive()) {
            return;
        }
        String denial = hierarchyDenial(element);
        if (denial != null) {
            throw encoding ? refusedOnEncode(type.getName(), denial) : refusedOnDecode(type.getName(), denial);
        }
        if (options.isStrict() && !allowed(element.getName()) && !isBuiltInThrowable(element)) {
            throw encoding
                    ? refusedOnEncode(type.getName(), notAllowed())
                    : refusedOnDecode(type.getName(), notAllowed());
        }
    }

    /** The JDK's exceptions and gipc's own ({@code GipcException} and its subclasses) need no allowing. */
    private static boolean isBuiltInThrowable(Class<?> type) {
        return Throwable.class.isAssignableFrom(type)
                && (JdkClasses.isJdk(type) || type.getPackageName().equals("io.gipc"));
    }

    private boolean allowed(String name) {
        if (builtIn.contains(name) || options.allowedClasses().contains(name)) {
            return true;
        }
        for (String outer = outerName(name); outer != null; outer = outerName(outer)) {
            if (options.allowedClasses().contains(outer) && enumBodyOrSame(name, outer)) {
                return true;
            }
        }
        return inPackage(name, options.allowedPackages());
    }

    /** An enum constant with a body is a nested class ({@code Colour$1}) that stands for its enum. */
    private static boolean enumBodyOrSame(String name, String outer) {
        String rest = name.substring(outer.length() + 1);
        return !rest.isEmpty() && rest.chars().allMatch(Character::isDigit);
    }

    private String hierarchyDenial(Class<?> type) {
        Deque<Class<?>> todo = new ArrayDeque<>();
        Set<Class<?>> seen = new HashSet<>();
        todo.add(type);
        while (!todo.isEmpty()) {
            Class<?> c = todo.poll();
            if (!seen.add(c)) {
                continue;
            }
            String denial = denial(c.getName());
            if (denial != null) {
                return c == type ? denial : denial + " (" + type.getName() + " extends " + c.getName() + ")";
            }
            if (c.getSuperclass() != null) {
                todo.add(c.getSuperclass());
            }
            todo.addAll(java.util.List.of(c.getInterfaces()));
        }
        return null;
    }

    private String denial(String name) {
        if (inClassList(name, GadgetDenyList.CLASSES) || inPackage(name, GadgetDenyList.PACKAGES)) {
            return "it is on the codec's deny-list of known deserialization gadget classes";
        }
        if (inClassList(name, options.deniedClasses()) || inPackage(name, options.deniedPackages())) {
            return "it is denied by the codec's KryoOptions";
        }
        return null;
    }

    private static String notAllowed() {
        return "the codec is in allow-list mode and this class is neither one of its built-in JDK types nor allowed"
                + " (allow it with KryoOptions.allowing(...) or the gipc.kryo.allowed-classes property)";
    }

    private static boolean inClassList(String name, Set<String> classes) {
        for (String n = name; n != null; n = outerName(n)) {
            if (classes.contains(n)) {
                return true;
            }
        }
        return false;
    }

    private static boolean inPackage(String name, Set<String> packages) {
        if (packages.isEmpty()) {
            return false;
        }
        for (int dot = name.lastIndexOf('.'); dot > 0; dot = name.lastIndexOf('.', dot - 1)) {
            if (packages.contains(name.substring(0, dot))) {
                return true;
            }
        }
        return false;
    }

    private static String outerName(String name) {
        int dollar = name.lastIndexOf('$');
        return dollar > name.lastIndexOf('.') + 1 ? name.substring(0, dollar) : null;
    }

    /** The class name of an array's elements ({@code [[Lcom.x.Y;} gives {@code com.x.Y}), null for primitives. */
    static String elementName(String name) {
        int dims = 0;
        while (dims < name.length() && name.charAt(dims) == '[') {
            dims++;
        }
        if (dims == 0) {
            return name;
        }
        if (name.length() > dims + 2 && name.charAt(dims) == 'L' && name.endsWith(";")) {
            return name.substring(dims + 1, name.length() - 1);
        }
        return null;
    }

    private static CodecRefusedException refusedOnEncode(String name, String why) {
        return new CodecRefusedException("class " + name + " is refused: " + why);
    }

    private static CodecRefusedException refusedOnDecode(String name, String why) {
        return new CodecRefusedException(
                "the message names class " + name + ", which is refused before loading it: " + why);
    }
}
