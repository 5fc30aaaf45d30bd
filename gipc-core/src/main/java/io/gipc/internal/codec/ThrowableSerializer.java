package io.gipc.internal.codec;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.KryoException;
import com.esotericsoftware.kryo.Serializer;
import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.io.Output;
import io.gipc.GipcRemoteException;
import java.util.Arrays;

/**
 * Every {@link Throwable}, JDK or user class, whole: class, message, cause chain, suppressed exceptions, stack trace
 * and the fields of its class. A throwable's state lives in private fields of {@link Throwable} that Kryo cannot
 * reach on JDK 17+, so it goes through Java serialization, whose {@code Throwable.readObject} restores and checks
 * them; its own fields are written by Kryo through the {@link JavaSerialShell}, so they need not be
 * {@code Serializable}. No constructor runs, so classes without a no-arg constructor work.
 *
 * <p>Before the shell comes a summary (class name, message, stack trace, cause, suppressed), which costs little
 * because the shell then refers to the same objects. When the receiver cannot load the class, it builds a
 * {@link GipcRemoteException} from the summary instead of failing the whole message.
 *
 * <p>All throwables share one registration (see {@code GipcKryo}), so Kryo never writes the class name itself: a
 * missing class is this serializer's to handle.
 */
final class ThrowableSerializer extends Serializer<Throwable> {

    private final ClassPolicy policy;

    ThrowableSerializer(ClassPolicy policy) {
        this.policy = policy;
        setAcceptsNull(false);
    }

    @Override
    public void write(Kryo kryo, Output output, Throwable t) {
        CycleGuard.enter(kryo, t);
        try {
            policy.checkClass(t.getClass(), true);
            StackTraceElement[] trace = t.getStackTrace();
            StringBytes.write(output, t.getClass().getName());
            StringBytes.write(output, message(t));
            kryo.writeObject(output, trace);
            kryo.writeClassAndObject(output, t.getCause());
            kryo.writeObject(output, t.getSuppressed());
            // the shell's own copy of the stack trace becomes a reference to the summary's
            JavaSerialShell.write(
                    kryo, output, t, o -> o instanceof StackTraceElement[] a && Arrays.equals(a, trace) ? trace : o);
        } finally {
            CycleGuard.exit(kryo, t);
        }
    }

    @Override
    public Throwable read(Kryo kryo, Input input, Class<? extends Throwable> ignored) {
        String className = StringBytes.read(input);
        String message = StringBytes.read(input);
        StackTraceElement[] trace = kryo.readObject(input, StackTraceElement[].class);
        Object cause = kryo.readClassAndObject(input);
        Throwable[] suppressed = kryo.readObject(input, Throwable[].class);
        if (className == null || (cause != null && !(cause instanceof Throwable))) {
            throw new KryoException("the message holds a malformed exception: it is corrupt");
        }
        Class<?> type;
        try {
            type = policy.load(className);
        } catch (ClassNotFoundException | NoClassDefFoundError e) {
            JavaSerialShell.skip(kryo, input);
            return standIn(className, message, trace, (Throwable) cause, suppressed);
        }
        if (!Throwable.class.isAssignableFrom(type)) {
            throw new KryoException("the message names " + className + " as an exception class: it is corrupt");
        }
        return (Throwable) JavaSerialShell.read(kryo, input, type, type, policy);
    }

    private static GipcRemoteException standIn(
            String className, String message, StackTraceElement[] trace, Throwable cause, Throwable[] suppressed) {
        GipcRemoteException standIn = new GipcRemoteException(className, message, cause);
        standIn.setStackTrace(trace);
        for (Throwable s : suppressed) {
            if (s != null && s != standIn) {
                standIn.addSuppressed(s);
            }
        }
        return standIn;
    }

    /** {@code getMessage()} is user code and may throw; the stand-in then says so. */
    private static String message(Throwable t) {
        try {
            return t.getMessage();
        } catch (RuntimeException e) {
            return "(getMessage() threw " + e + ")";
        }
    }
}
