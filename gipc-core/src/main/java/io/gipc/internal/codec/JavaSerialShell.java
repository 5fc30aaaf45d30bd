package io.gipc.internal.codec;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.KryoException;
import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.io.Output;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InvalidClassException;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.ObjectStreamClass;
import java.io.Serial;
import java.io.Serializable;
import java.io.StreamCorruptedException;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Java serialization of one object's own state, with every object it refers to written by Kryo: the fallback for
 * {@link Serializable} JDK classes that have no public way to rebuild them (checked collections, {@code EnumMap},
 * comparators, serializable lambdas) and for exceptions. The JDK's {@code writeObject}/{@code readObject} keep their
 * invariants and private fields without {@code --add-opens}.
 *
 * <p>The object (or what its {@code writeReplace} returns) goes through an {@link ObjectOutputStream} in which every
 * other object except strings, boxed primitives and stack-trace elements is replaced by a {@link Hole}, a numbered
 * placeholder. The holes' objects are then written by Kryo, so they keep Kryo's handling (any class, no
 * {@code Serializable} needed), and shared references and cycles with the rest of the message work. The format:
 * the number of holes, each hole's object, the length of the Java-serialization bytes, the bytes.
 *
 * <p>Decoding reads the holes first and then the bytes with an {@link ObjectInputStream} that refuses proxies,
 * resolves every class name through the codec's {@link ClassPolicy} (deny-list, allow-list), except the expected
 * object's own class hierarchy and the JDK proxy classes in its package, and caps depth, references and array
 * lengths by the bytes it has. A hole's object whose class defines {@code readResolve} is resolved, as Java
 * serialization would.
 *
 * <p>The cost: a stream header and class descriptors (about a hundred bytes and a few microseconds) per object.
 */
final class JavaSerialShell {

    private JavaSerialShell() {}

    /** Classes written inside the shell instead of as holes: closed values that need no Kryo handling. */
    private static final Set<Class<?>> INLINE = Set.of(
            String.class,
            Integer.class,
            Long.class,
            Short.class,
            Byte.class,
            Character.class,
            Boolean.class,
            Float.class,
            Double.class,
            StackTraceElement.class,
            StackTraceElement[].class);

    private static final Set<String> ALWAYS_RESOLVABLE = Set.of(
            Hole.class.getName(),
            Number.class.getName(),
            String.class.getName(),
            Integer.class.getName(),
            Long.class.getName(),
            Short.class.getName(),
            Byte.class.getName(),
            Character.class.getName(),
            Boolean.class.getName(),
            Float.class.getName(),
            Double.class.getName(),
            StackTraceElement.class.getName(),
            StackTraceElement[].class.getName());

    /** Stands for the object numbered {@code index} among the holes that Kryo wrote before the shell. */
    record Hole(int index) implements Serializable {
        @Serial
        private static final long serialVersionUID = 1L;
    }

    /**
     * Writes {@code root} as holes plus Java-serialization bytes.
     *
     * @param substitute maps an object to the one to put in its hole (the identity for most callers)
     */
    static void write(Kryo kryo, Output output, Object root, UnaryOperator<Object> substitute) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
        List<Object> holes;
        try (HoleOutputStream out = new HoleOutputStream(bytes, substitute)) {
            out.writeObject(root);
            out.flush();
            holes = out.holes;
        } catch (IOException e) {
            throw new KryoException(
                    "Java serialization of a " + root.getClass().getName() + " failed inside the codec: " + e, e);
        }
        output.writeVarInt(holes.size(), true);
        for (Object hole : holes) {
            kryo.writeClassAndObject(output, hole);
        }
        output.writeVarInt(bytes.size(), true);
        output.writeBytes(bytes.toByteArray());
    }

    /**
     * Reads what {@link #write} wrote.
     *
     * @param expected the class written to the stream (its hierarchy and package resolve without the policy)
     * @param result what the stream must give (differs from {@code expected} when it is a serialization proxy)
     */
    static Object read(Kryo kryo, Input input, Class<?> expected, Class<?> result, ClassPolicy policy) {
        Object[] holes = readHoles(kryo, input);
        int length = input.readVarInt(true);
        BoundedInput.requireElements(input, length, 1, "a Java-serialized object");
        int start = input.position();
        input.setPosition(start + length);
        Object value;
        try (HoleInputStream in = new HoleInputStream(
                new ByteArrayInputStream(input.getBuffer(), start, length), holes, expected, policy, length)) {
            value = in.readObject();
            if (in.read() != -1) {
                throw new StreamCorruptedException("bytes left after the object");
            }
        } catch (IOException | ClassNotFoundException e) {
            throw new KryoException(
                    "could not rebuild a " + expected.getName() + " through Java serialization: " + e, e);
        }
        if (!result.isInstance(value)) {
            throw new KryoException("the message holds a " + className(value) + " where a " + result.getName()
                    + " was expected: it is corrupt");
        }
        return value;
    }

    /** Reads and drops a shell whose class this process cannot load (the holes still take their reference ids). */
    static void skip(Kryo kryo, Input input) {
        readHoles(kryo, input);
        int length = input.readVarInt(true);
        BoundedInput.requireElements(input, length, 1, "a Java-serialized object");
        input.setPosition(input.position() + length);
    }

    private static Object[] readHoles(Kryo kryo, Input input) {
        int count = input.readVarInt(true);
        BoundedInput.requireElements(input, count, 1, "a Java-serialized object's fields");
        Object[] holes = new Object[count];
        for (int i = 0; i < count; i++) {
            holes[i] = ReadResolve.apply(kryo.readClassAndObject(input));
        }
        return holes;
    }

    private static String className(Object value) {
        return value == null ? "null" : value.getClass().getName();
    }

    private static final class HoleOutputStream extends ObjectOutputStream {
        final List<Object> holes = new ArrayList<>();
        private final Map<Object, Hole> numbers = new IdentityHashMap<>();
        private final UnaryOperator<Object> substitute;
        private boolean rootSeen;

        HoleOutputStream(ByteArrayOutputStream out, UnaryOperator<Object> substitute) throws IOException {
            super(out);
            this.substitute = substitute;
            enableReplaceObject(true);
        }

        @Override
        protected Object replaceObject(Object obj) {
            if (!rootSeen) {
                rootSeen = true; // the object itself, or what its writeReplace returned
                return obj;
            }
            if (INLINE.contains(obj.getClass())) {
                Object substituted = substitute.apply(obj);
                if (substituted == obj) {
                    return obj;
                }
                obj = substituted;
            }
            return numbers.computeIfAbsent(obj, o -> {
                holes.add(o);
                return new Hole(holes.size() - 1);
            });
        }
    }

    private static final class HoleInputStream extends ObjectInputStream {
        private final Object[] holes;
        private final Class<?> expected;
        private final ClassPolicy policy;

        HoleInputStream(ByteArrayInputStream in, Object[] holes, Class<?> expected, ClassPolicy policy, int length)
                throws IOException {
            super(in);
            this.holes = holes;
            this.expected = expected;
            this.policy = policy;
            enableResolveObject(true);
            setObjectInputFilter(info -> info.arrayLength() > length || info.depth() > 64 || info.references() > length
                    ? ObjectInputFilter.Status.REJECTED
                    : ObjectInputFilter.Status.ALLOWED);
        }

        @Override
        protected Class<?> resolveClass(ObjectStreamClass desc) throws IOException, ClassNotFoundException {
            String name = desc.getName();
            for (Class<?> c = expected; c != null; c = c.getSuperclass()) {
                if (c.getName().equals(name)) {
                    return c;
                }
            }
            if (ALWAYS_RESOLVABLE.contains(name)) {
                return Class.forName(name, false, JavaSerialShell.class.getClassLoader());
            }
            if (JdkClasses.isJdk(expected) && name.startsWith(expected.getPackageName() + ".")) {
                // the JDK's serialization proxies (java.util.CollSer, java.time.Ser, ...) live beside their classes
                try {
                    Class<?> proxy = Class.forName(name, false, expected.getClassLoader());
                    if (JdkClasses.isJdk(proxy) && proxy.getPackageName().equals(expected.getPackageName())) {
                        return proxy;
                    }
                } catch (ClassNotFoundException e) {
                    // not a proxy of the JDK: the policy decides below
                }
            }
            try {
                return policy.load(name);
            } catch (CodecRefusedException e) {
                throw new InvalidClassException(name, e.getMessage());
            }
        }

        @Override
        protected Class<?> resolveProxyClass(String[] interfaces) throws IOException {
            throw new InvalidClassException("dynamic proxies are refused by the codec");
        }

        @Override
        protected Object resolveObject(Object obj) throws IOException {
            if (obj instanceof Hole hole) {
                if (hole.index() < 0 || hole.index() >= holes.length) {
                    throw new StreamCorruptedException("a reference to field " + hole.index() + " of " + holes.length);
                }
                return holes[hole.index()];
            }
            return obj;
        }
    }

    /**
     * Applies a class's {@code readResolve} to a hole's object: the stream handed Kryo what {@code writeReplace}
     * returned (a serialization proxy), and Java serialization would resolve it. JDK classes are resolved by their
     * own shells already.
     */
    private static final class ReadResolve {
        private static final ClassValue<MethodHandle> METHODS = new ClassValue<>() {
            @Override
            protected MethodHandle computeValue(Class<?> type) {
                if (JdkClasses.isJdk(type) || !Serializable.class.isAssignableFrom(type)) {
                    return null;
                }
                for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
                    try {
                        Method m = c.getDeclaredMethod("readResolve");
                        if (m.getReturnType() == Object.class && m.getParameterCount() == 0) {
                            m.setAccessible(true);
                            return MethodHandles.lookup()
                                    .unreflect(m)
                                    .asType(MethodType.methodType(Object.class, Object.class));
                        }
                    } catch (NoSuchMethodException e) {
                        // look in the superclass
                    } catch (ReflectiveOperationException | RuntimeException e) {
                        return null;
                    }
                }
                return null;
            }
        };

        private ReadResolve() {}

        static Object apply(Object value) {
            if (value == null) {
                return null;
            }
            MethodHandle readResolve = METHODS.get(value.getClass());
            if (readResolve == null) {
                return value;
            }
            try {
                return readResolve.invokeExact(value);
            } catch (RuntimeException | Error e) {
                throw e;
            } catch (Throwable e) {
                throw new KryoException("readResolve of a " + value.getClass().getName() + " failed: " + e, e);
            }
        }
    }
}
