package io.gipc.internal.codec;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.Serializer;
import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.io.Output;
import java.io.Serializable;
import java.lang.invoke.SerializedLambda;
import java.lang.reflect.Method;
import java.util.function.UnaryOperator;

/**
 * A {@link Serializable} JDK class without a dedicated serializer, or a serializable lambda, through the
 * {@link JavaSerialShell}. Built from its parts, so it is kept out of cycles.
 */
final class ShellSerializer extends Serializer<Object> {

    private final Class<?> streamType;
    private final Class<?> resultType;
    private final ClassPolicy policy;

    /**
     * For instances of the JDK class {@code type}. A class with {@code readResolve} (a serialization proxy such as
     * {@code java.util.CollSer}, met when another shell's field had a {@code writeReplace}) gives another object.
     */
    ShellSerializer(Class<?> type, ClassPolicy policy) {
        this(type, hasReadResolve(type) ? Object.class : type, policy);
    }

    /** Cached per class: every new Kryo instance registers the same shells. */
    private static final ClassValue<Boolean> READ_RESOLVE = new ClassValue<>() {
        @Override
        protected Boolean computeValue(Class<?> type) {
            for (Class<?> c = type; c != null; c = c.getSuperclass()) {
                for (Method m : c.getDeclaredMethods()) {
                    if (m.getName().equals("readResolve") && m.getParameterCount() == 0) {
                        return true;
                    }
                }
            }
            return false;
        }
    };

    private static boolean hasReadResolve(Class<?> type) {
        return READ_RESOLVE.get(type);
    }

    private ShellSerializer(Class<?> streamType, Class<?> resultType, ClassPolicy policy) {
        this.streamType = streamType;
        this.resultType = resultType;
        this.policy = policy;
    }

    /**
     * For serializable lambdas: their {@code writeReplace} gives a {@link SerializedLambda}, whose
     * {@code readResolve} asks the capturing class (resolved through the policy) to make the lambda again.
     */
    static ShellSerializer forLambdas(ClassPolicy policy) {
        return new ShellSerializer(SerializedLambda.class, Serializable.class, policy);
    }

    @Override
    public void write(Kryo kryo, Output output, Object object) {
        CycleGuard.enter(kryo, object);
        try {
            JavaSerialShell.write(kryo, output, object, UnaryOperator.identity());
        } finally {
            CycleGuard.exit(kryo, object);
        }
    }

    @Override
    public Object read(Kryo kryo, Input input, Class<?> type) {
        return JavaSerialShell.read(kryo, input, streamType, resultType, policy);
    }
}
