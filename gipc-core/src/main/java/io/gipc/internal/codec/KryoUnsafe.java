package io.gipc.internal.codec;

/**
 * Keeps Kryo away from {@code sun.misc.Unsafe}. On JDK 24+ the first use of one of its memory-access methods prints
 * "WARNING: A terminally deprecated method in sun.misc.Unsafe has been called" on stderr, and Kryo's
 * {@code com.esotericsoftware.kryo.util.Util} class initializer calls one (through {@code UnsafeUtil}, for its field
 * accessors) as soon as any Kryo instance is created, unless the system property {@code kryo.unsafe} is
 * {@code "false"}. So the property is set before gipc touches Kryo, in the parent and in every child, and nobody
 * has to pass a JVM flag. A value the application set itself is left alone.
 *
 * <p>Without Unsafe, Kryo's {@code FieldSerializer} would read and write fields through
 * {@code java.lang.reflect.Field}, a quarter to a third slower; gipc serializes plain classes with
 * {@link FieldHandlesSerializer} instead, which is as fast as Kryo's Unsafe accessors. Records, strings, arrays, collections and the JDK types gipc registers never used
 * field accessors.
 */
final class KryoUnsafe {

    private KryoUnsafe() {}

    /** Called from the static initializers of gipc's Kryo classes, before any Kryo class is initialized. */
    static void disable() {
        if (System.getProperty("kryo.unsafe") == null) {
            System.setProperty("kryo.unsafe", "false");
        }
    }
}
