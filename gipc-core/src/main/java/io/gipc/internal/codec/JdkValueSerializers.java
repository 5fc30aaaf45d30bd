package io.gipc.internal.codec;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.KryoException;
import com.esotericsoftware.kryo.Serializer;
import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.io.Output;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * JDK value types that Kryo cannot serialize field by field on JDK 17+ (their packages are not open) or that it
 * serializes lossily, each rebuilt through public API.
 */
final class JdkValueSerializers {

    private JdkValueSerializers() {}

    /**
     * {@link Class} objects by name, through the codec's {@link ClassPolicy}: primitives and {@code void}, arrays,
     * enum constants with bodies. Hidden classes (lambdas) have no name to load and are refused.
     */
    static final class Classes extends Serializer<Class<?>> {
        private static final Map<String, Class<?>> PRIMITIVES = Map.of(
                "boolean", boolean.class,
                "byte", byte.class,
                "char", char.class,
                "short", short.class,
                "int", int.class,
                "long", long.class,
                "float", float.class,
                "double", double.class,
                "void", void.class);

        private final ClassPolicy policy;

        Classes(ClassPolicy policy) {
            super(false, true);
            this.policy = policy;
        }

        @Override
        public void write(Kryo kryo, Output output, Class<?> type) {
            if (type.isHidden()) {
                throw new CodecRefusedException("the Class object of " + type.getName()
                        + " cannot be sent: it is a hidden class (a lambda's), which no other process can load");
            }
            policy.checkClass(type, true);
            StringBytes.write(output, type.getName());
        }

        @Override
        public Class<?> read(Kryo kryo, Input input, Class<? extends Class<?>> ignored) {
            String name = StringBytes.read(input);
            Class<?> primitive = PRIMITIVES.get(name);
            if (primitive != null) {
                return primitive;
            }
            try {
                return policy.load(name);
            } catch (ClassNotFoundException e) {
                throw new KryoException(
                        "the message holds the Class object of " + name + ", which is not on this"
                                + " process's class path",
                        e);
            }
        }
    }

    /**
     * {@link java.util.Date} by its time. Kryo's date serializer also knows the {@code java.sql} dates, so the JVM
     * cannot even verify it where the optional {@code java.sql} module is absent; that one is used only for them.
     */
    static final class Dates extends Serializer<java.util.Date> {
        @Override
        public void write(Kryo kryo, Output output, java.util.Date date) {
            output.writeVarLong(date.getTime(), false);
        }

        @Override
        public java.util.Date read(Kryo kryo, Input input, Class<? extends java.util.Date> type) {
            return new java.util.Date(input.readVarLong(false));
        }
    }

    /** A plain {@code new Object()} (a lock, a marker): it has no state and nothing else to be. */
    static final class Objects extends Serializer<Object> {
        @Override
        public void write(Kryo kryo, Output output, Object object) {}

        @Override
        public Object read(Kryo kryo, Input input, Class<?> type) {
            return new Object();
        }
    }

    /**
     * {@link Locale} with its script and extensions ({@code sr_RS_#Latn}, {@code ja-JP-u-ca-japanese}), which Kryo's
     * serializer drops. Plain locales come back through {@code Locale.of}, others through their language tag; either
     * way the result is checked on encode to be equal, so a locale that cannot be rebuilt is refused, not changed.
     */
    static final class Locales extends Serializer<Locale> {
        Locales() {
            super(false, true);
        }

        @Override
        public void write(Kryo kryo, Output output, Locale locale) {
            boolean plain = locale.getScript().isEmpty() && !locale.hasExtensions();
            if (!locale.equals(rebuild(
                    plain, locale.getLanguage(), locale.getCountry(), locale.getVariant(), tag(plain, locale)))) {
                throw new CodecRefusedException("the locale " + locale + " cannot be rebuilt equal on the other side"
                        + " (neither from its language, country and variant nor from its language tag)");
            }
            output.writeBoolean(plain);
            if (plain) {
                StringBytes.write(output, locale.getLanguage());
                StringBytes.write(output, locale.getCountry());
                StringBytes.write(output, locale.getVariant());
            } else {
                StringBytes.write(output, locale.toLanguageTag());
            }
        }

        @Override
        public Locale read(Kryo kryo, Input input, Class<? extends Locale> type) {
            if (input.readBoolean()) {
                return rebuild(true, StringBytes.read(input), StringBytes.read(input), StringBytes.read(input), null);
            }
            return rebuild(false, null, null, null, StringBytes.read(input));
        }

        private static String tag(boolean plain, Locale locale) {
            return plain ? null : locale.toLanguageTag();
        }

        private static Locale rebuild(boolean plain, String language, String country, String variant, String tag) {
            return plain ? Locale.of(language, country, variant) : Locale.forLanguageTag(tag);
        }
    }

    /**
     * {@link InetAddress} (IPv4 and IPv6) by its bytes and host name, without any name lookup: the host name is the
     * part of {@code toString()} before the slash, empty when the address was never resolved.
     */
    static final class InetAddresses extends Serializer<InetAddress> {
        InetAddresses() {
            super(false, true);
        }

        @Override
        public void write(Kryo kryo, Output output, InetAddress address) {
            String text = address.toString();
            String host = text.substring(0, text.indexOf('/'));
            StringBytes.write(output, host.isEmpty() ? null : host);
            byte[] bytes = address.getAddress();
            output.writeVarInt(bytes.length, true);
            output.writeBytes(bytes);
            output.writeVarInt(address instanceof Inet6Address v6 ? v6.getScopeId() : 0, true);
        }

        @Override
        public InetAddress read(Kryo kryo, Input input, Class<? extends InetAddress> type) {
            String host = StringBytes.read(input);
            byte[] bytes = input.readBytes(input.readVarInt(true));
            int scope = input.readVarInt(true);
            try {
                return scope > 0 && bytes.length == 16
                        ? Inet6Address.getByAddress(host, bytes, scope)
                        : InetAddress.getByAddress(host, bytes);
            } catch (UnknownHostException e) {
                throw new KryoException("the message holds an IP address of " + bytes.length + " bytes", e);
            }
        }
    }

    /** {@link Path} of the default file system, by its string form. Paths of other file systems are refused. */
    static final class Paths extends Serializer<Path> {
        Paths() {
            super(false, true);
        }

        @Override
        public void write(Kryo kryo, Output output, Path path) {
            if (path.getFileSystem() != FileSystems.getDefault()) {
                throw new CodecRefusedException(
                        "the path " + path + " belongs to a " + path.getClass().getName()
                                + " file system, which the other side does not have; send path.toString() instead");
            }
            StringBytes.write(output, path.toString());
        }

        @Override
        public Path read(Kryo kryo, Input input, Class<? extends Path> type) {
            return Path.of(StringBytes.read(input));
        }
    }

    /** {@link AtomicReference}, created before its value is read so that the value may refer back to it. */
    static final class AtomicReferences extends Serializer<AtomicReference<Object>> {
        @Override
        public void write(Kryo kryo, Output output, AtomicReference<Object> reference) {
            kryo.writeClassAndObject(output, reference.get());
        }

        @Override
        public AtomicReference<Object> read(Kryo kryo, Input input, Class<? extends AtomicReference<Object>> type) {
            AtomicReference<Object> reference = new AtomicReference<>();
            kryo.reference(reference);
            reference.set(kryo.readClassAndObject(input));
            return reference;
        }
    }

    static final class AtomicIntegerArrays extends Serializer<AtomicIntegerArray> {
        @Override
        public void write(Kryo kryo, Output output, AtomicIntegerArray array) {
            output.writeVarInt(array.length(), true);
            for (int i = 0; i < array.length(); i++) {
                output.writeVarInt(array.get(i), false);
            }
        }

        @Override
        public AtomicIntegerArray read(Kryo kryo, Input input, Class<? extends AtomicIntegerArray> type) {
            return new AtomicIntegerArray(input.readInts(input.readVarInt(true), false));
        }
    }

    static final class AtomicLongArrays extends Serializer<AtomicLongArray> {
        @Override
        public void write(Kryo kryo, Output output, AtomicLongArray array) {
            output.writeVarInt(array.length(), true);
            for (int i = 0; i < array.length(); i++) {
                output.writeVarLong(array.get(i), false);
            }
        }

        @Override
        public AtomicLongArray read(Kryo kryo, Input input, Class<? extends AtomicLongArray> type) {
            return new AtomicLongArray(input.readLongs(input.readVarInt(true), false));
        }
    }

    /** {@link AtomicReferenceArray}, created before its elements are read (cycles work). */
    static final class AtomicReferenceArrays extends Serializer<AtomicReferenceArray<Object>> {
        @Override
        public void write(Kryo kryo, Output output, AtomicReferenceArray<Object> array) {
            output.writeVarInt(array.length(), true);
            for (int i = 0; i < array.length(); i++) {
                kryo.writeClassAndObject(output, array.get(i));
            }
        }

        @Override
        public AtomicReferenceArray<Object> read(
                Kryo kryo, Input input, Class<? extends AtomicReferenceArray<Object>> type) {
            int length = input.readVarInt(true);
            BoundedInput.requireElements(input, length, 1, "an AtomicReferenceArray");
            AtomicReferenceArray<Object> array = new AtomicReferenceArray<>(length);
            kryo.reference(array);
            for (int i = 0; i < length; i++) {
                array.set(i, kryo.readClassAndObject(input));
            }
            return array;
        }
    }
}
