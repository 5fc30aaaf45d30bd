package io.gipc.internal.codec;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.KryoException;
import com.esotericsoftware.kryo.Serializer;
import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.io.Output;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Serializes an application class field by field, like Kryo's {@code FieldSerializer}, through one method handle per
 * class that reads (or writes) all its fields. Kryo's field serializer reaches fields through
 * {@code sun.misc.Unsafe}, which gipc keeps it from (see {@link KryoUnsafe}), or else through a reflective call per
 * field, a quarter to a third slower. A method handle composed of the fields' getters is compiled, once it is hot,
 * into straight field reads: one indirect call per object instead of one per field.
 *
 * <p>What is written: every non-static, non-transient field of the class and its superclasses, sorted by declaring
 * class and name, synthetic ones included (an inner class's outer instance, a local class's captured values, which
 * Kryo would leave {@code null}); primitives as Kryo writes them (variable-length {@code int} and {@code long}),
 * references with their class unless the field's type is final. The object is created with Kryo's instantiator
 * (no constructor needed) and referenced before its fields are read, so cycles work.
 *
 * @param <T> the class
 */
final class FieldHandlesSerializer<T> extends Serializer<T> {

    private static final MethodType WRITE_ALL =
            MethodType.methodType(void.class, Kryo.class, Output.class, Object.class);
    private static final MethodType READ_ALL = MethodType.methodType(void.class, Kryo.class, Input.class, Object.class);

    private final MethodHandle writeAll;
    private final MethodHandle readAll;

    private FieldHandlesSerializer(MethodHandle writeAll, MethodHandle readAll) {
        this.writeAll = writeAll;
        this.readAll = readAll;
    }

    /**
     * Returns the serializer for {@code type}, or {@code null} when its fields cannot be reached with method handles
     * (a package not open to gipc, or fields declared by a JDK superclass): Kryo's own serializer then decides.
     */
    static <T> FieldHandlesSerializer<T> forClass(Class<T> type) {
        List<Field> fields = new ArrayList<>();
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field f : c.getDeclaredFields()) {
                int modifiers = f.getModifiers();
                if (Modifier.isStatic(modifiers) || Modifier.isTransient(modifiers)) {
                    continue;
                }
                if (JdkClasses.isJdk(c)) {
                    return null;
                }
                fields.add(f);
            }
        }
        fields.sort(Comparator.comparing((Field f) -> f.getDeclaringClass().getName())
                .thenComparing(Field::getName));
        try {
            MethodHandle writeAll = MethodHandles.empty(WRITE_ALL);
            MethodHandle readAll = MethodHandles.empty(READ_ALL);
            for (int i = fields.size() - 1; i >= 0; i--) {
                Field f = fields.get(i);
                MethodHandles.Lookup lookup =
                        MethodHandles.privateLookupIn(f.getDeclaringClass(), MethodHandles.lookup());
                f.setAccessible(true); // lets the setter write final fields
                writeAll = MethodHandles.foldArguments(writeAll, writer(lookup, f));
                readAll = MethodHandles.foldArguments(readAll, reader(lookup, f));
            }
            return new FieldHandlesSerializer<>(writeAll, readAll);
        } catch (IllegalAccessException | RuntimeException e) {
            return null;
        }
    }

    @Override
    public void write(Kryo kryo, Output output, T object) {
        try {
            writeAll.invokeExact(kryo, output, (Object) object);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new KryoException(e);
        }
    }

    @Override
    public T read(Kryo kryo, Input input, Class<? extends T> type) {
        T object = kryo.newInstance(type);
        kryo.reference(object);
        try {
            readAll.invokeExact(kryo, input, (Object) object);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new KryoException(e);
        }
        return object;
    }

    /** {@code (Kryo, Output, Object)void}: writes field {@code f} of the object. */
    private static MethodHandle writer(MethodHandles.Lookup lookup, Field f) throws IllegalAccessException {
        Class<?> type = f.getType();
        MethodHandle getter = lookup.unreflectGetter(f);
        if (type.isPrimitive()) {
            MethodHandle write = PRIMITIVES.get(type).write();
            MethodHandle step =
                    MethodHandles.filterArguments(write, 1, getter.asType(MethodType.methodType(type, Object.class)));
            return MethodHandles.dropArguments(step, 0, Kryo.class);
        }
        MethodHandle write = MethodHandles.insertArguments(WRITE_OBJECT, 3, new FieldInfo(f));
        return MethodHandles.filterArguments(
                write, 2, getter.asType(MethodType.methodType(Object.class, Object.class)));
    }

    /** {@code (Kryo, Input, Object)void}: reads field {@code f} into the object. */
    private static MethodHandle reader(MethodHandles.Lookup lookup, Field f) throws IllegalAccessException {
        Class<?> type = f.getType();
        MethodHandle setter = lookup.unreflectSetter(f);
        MethodHandle step; // (Object, Kryo, Input)void
        if (type.isPrimitive()) {
            setter = setter.asType(MethodType.methodType(void.class, Object.class, type));
            step = MethodHandles.dropArguments(
                    MethodHandles.collectArguments(
                            setter, 1, PRIMITIVES.get(type).read()),
                    1,
                    Kryo.class);
        } else {
            setter = setter.asType(MethodType.methodType(void.class, Object.class, Object.class));
            MethodHandle read = MethodHandles.insertArguments(READ_OBJECT, 2, new FieldInfo(f));
            step = MethodHandles.collectArguments(setter, 1, read);
        }
        return MethodHandles.permuteArguments(step, READ_ALL, 2, 0, 1);
    }

    /** A reference field: its value's class is written unless the field's type is final. */
    private record FieldInfo(Class<?> type, boolean fixed, String trace) {
        FieldInfo(Field f) {
            this(
                    f.getType(),
                    Modifier.isFinal(elementOf(f.getType()).getModifiers()),
                    f.getName() + " (" + f.getDeclaringClass().getName() + ")");
        }

        private static Class<?> elementOf(Class<?> type) {
            return type.isArray() ? elementOf(type.getComponentType()) : type;
        }
    }

    private static void writeObject(Kryo kryo, Output output, Object value, FieldInfo field) {
        try {
            if (field.fixed()) {
                kryo.writeObjectOrNull(output, value, kryo.getSerializer(field.type()));
            } else {
                kryo.writeClassAndObject(output, value);
            }
        } catch (RuntimeException e) {
            throw traced(e, field);
        }
    }

    private static Object readObject(Kryo kryo, Input input, FieldInfo field) {
        try {
            return field.fixed()
                    ? kryo.readObjectOrNull(input, field.type(), kryo.getSerializer(field.type()))
                    : kryo.readClassAndObject(input);
        } catch (RuntimeException e) {
            throw traced(e, field);
        }
    }

    /** Adds the field to the trace Kryo shows in its message, wrapping a failure that is not Kryo's own. */
    private static KryoException traced(RuntimeException e, FieldInfo field) {
        KryoException k = e instanceof KryoException ke ? ke : new KryoException(e);
        k.addTrace(field.trace());
        return k;
    }

    private static void writeInt(Output output, int value) {
        output.writeVarInt(value, false);
    }

    private static int readInt(Input input) {
        return input.readVarInt(false);
    }

    private static void writeLong(Output output, long value) {
        output.writeVarLong(value, false);
    }

    private static long readLong(Input input) {
        return input.readVarLong(false);
    }

    private record Access(MethodHandle write, MethodHandle read) {}

    private static final MethodHandle WRITE_OBJECT;
    private static final MethodHandle READ_OBJECT;
    private static final Map<Class<?>, Access> PRIMITIVES;

    static {
        MethodHandles.Lookup lookup = MethodHandles.lookup();
        try {
            WRITE_OBJECT = lookup.findStatic(
                    FieldHandlesSerializer.class,
                    "writeObject",
                    MethodType.methodType(void.class, Kryo.class, Output.class, Object.class, FieldInfo.class));
            READ_OBJECT = lookup.findStatic(
                    FieldHandlesSerializer.class,
                    "readObject",
                    MethodType.methodType(Object.class, Kryo.class, Input.class, FieldInfo.class));
            PRIMITIVES = Map.of(
                    int.class,
                            new Access(
                                    own(lookup, "writeInt", void.class, Output.class, int.class),
                                    own(lookup, "readInt", int.class, Input.class)),
                    long.class,
                            new Access(
                                    own(lookup, "writeLong", void.class, Output.class, long.class),
                                    own(lookup, "readLong", long.class, Input.class)),
                    boolean.class, io(lookup, boolean.class, "Boolean"),
                    byte.class, io(lookup, byte.class, "Byte"),
                    short.class, io(lookup, short.class, "Short"),
                    char.class, io(lookup, char.class, "Char"),
                    float.class, io(lookup, float.class, "Float"),
                    double.class, io(lookup, double.class, "Double"));
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private static MethodHandle own(MethodHandles.Lookup lookup, String name, Class<?> result, Class<?>... params)
            throws ReflectiveOperationException {
        return lookup.findStatic(FieldHandlesSerializer.class, name, MethodType.methodType(result, params));
    }

    /** Kryo's {@code Output.writeX(x)} and {@code Input.readX()} as {@code (Output, x)void} and {@code (Input)x}. */
    private static Access io(MethodHandles.Lookup lookup, Class<?> type, String name)
            throws ReflectiveOperationException {
        // Kryo's writeShort takes an int
        Class<?> parameter = type == short.class ? int.class : type;
        MethodHandle write = lookup.findVirtual(
                        Output.class, "write" + name, MethodType.methodType(void.class, parameter))
                .asType(MethodType.methodType(void.class, Output.class, type));
        MethodHandle read = lookup.findVirtual(Input.class, "read" + name, MethodType.methodType(type));
        return new Access(write, read);
    }
}
