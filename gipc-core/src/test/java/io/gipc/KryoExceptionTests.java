package io.gipc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gipc.internal.codec.KryoCodec;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;

/** Exceptions travel whole through the default codec, and a class the receiver lacks arrives as a stand-in. */
class KryoExceptionTests {

    private final Codec<Object> codec = Codec.kryo();

    /** No no-arg constructor, extra fields of any type (one not Serializable), a computed message. */
    static final class OrderRejectedException extends Exception {
        private final String orderId;
        private final Map<String, Integer> lines;
        private final Object context;

        OrderRejectedException(String orderId, Map<String, Integer> lines, Object context, Throwable cause) {
            super("order " + orderId + " rejected", cause);
            this.orderId = orderId;
            this.lines = lines;
            this.context = context;
        }
    }

    /** Not Serializable: only reachable through the exception's field. */
    static final class Context {
        final String user;

        Context(String user) {
            this.user = user;
        }
    }

    /** The class the receiving side of the "missing class" tests lacks. */
    static final class OnlyOnTheSenderException extends RuntimeException {
        final int code;

        OnlyOnTheSenderException(String message, int code, Throwable cause) {
            super(message, cause);
            this.code = code;
        }
    }

    record Failure(String step, Throwable error) {}

    @SuppressWarnings("unchecked")
    private <T> T roundTrip(T value) throws Exception {
        return (T) codec.decode(codec.encode(value));
    }

    private static String printed(Throwable t) {
        StringWriter out = new StringWriter();
        t.printStackTrace(new PrintWriter(out));
        return out.toString();
    }

    @Test
    void jdkExceptionsArriveWithClassMessageCauseChainSuppressedAndStackTrace() throws Exception {
        IOException root = new IOException("disk full");
        IllegalStateException middle = new IllegalStateException("cannot save", root);
        ExecutionException top = new ExecutionException("task failed", middle);
        top.addSuppressed(new UncheckedIOException("while closing", new IOException("close")));
        top.addSuppressed(new SQLException("deadlock", "40001", 1213));

        ExecutionException back = roundTrip(top);

        assertThat(back).hasMessage("task failed").isNotSameAs(top);
        assertThat(back.getStackTrace()).isEqualTo(top.getStackTrace());
        assertThat(back.getCause())
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("cannot save")
                .hasCauseInstanceOf(IOException.class);
        assertThat(back.getCause().getCause()).hasMessage("disk full").hasNoCause();
        assertThat(back.getCause().getCause().getStackTrace()).isEqualTo(root.getStackTrace());
        assertThat(back.getSuppressed()).hasSize(2);
        assertThat(back.getSuppressed()[0])
                .isInstanceOf(UncheckedIOException.class)
                .hasMessage("while closing");
        SQLException sql = (SQLException) back.getSuppressed()[1];
        assertThat(sql.getSQLState()).isEqualTo("40001");
        assertThat(sql.getErrorCode()).isEqualTo(1213);
        assertThat(printed(back)).isEqualTo(printed(top));
    }

    @Test
    void userExceptionsArriveWithTheirFieldsWithoutANoArgConstructor() throws Exception {
        OrderRejectedException original = new OrderRejectedException(
                "o-17", Map.of("apples", 3), new Context("ada"), new IllegalArgumentException("no stock"));

        OrderRejectedException back = roundTrip(original);

        assertThat(back).hasMessage("order o-17 rejected").hasCauseInstanceOf(IllegalArgumentException.class);
        assertThat(back.orderId).isEqualTo("o-17");
        assertThat(back.lines).isEqualTo(Map.of("apples", 3));
        assertThat(((Context) back.context).user).isEqualTo("ada");
        assertThat(back.getStackTrace()).isEqualTo(original.getStackTrace());
    }

    @Test
    void exceptionsInsideGraphsKeepSharedReferencesAndTheirDefaultSelfCause() throws Exception {
        RuntimeException shared = new RuntimeException("shared");
        RuntimeException noCause = new RuntimeException("no cause yet");
        List<Object> back = roundTrip(List.of(new Failure("a", shared), new Failure("b", shared), noCause));

        assertThat(((Failure) back.get(0)).error()).isSameAs(((Failure) back.get(1)).error());
        RuntimeException noCauseBack = (RuntimeException) back.get(2);
        assertThat(noCauseBack.getCause()).isNull();
        // the cause was never set (internally cause == this), so it can still be set once
        noCauseBack.initCause(new IOException("later"));
        assertThat(noCauseBack).hasCauseInstanceOf(IOException.class);
        Throwable unwritable = new Throwable("unwritable", null, false, false) {};
        assertThat(roundTrip(unwritable).getStackTrace()).isEmpty();
    }

    @Test
    void anExceptionThatRefersBackToItselfThroughItsSuppressedFailsTheEncode() {
        RuntimeException primary = new RuntimeException("primary");
        primary.addSuppressed(new IllegalStateException("close failed", primary));
        assertThatThrownBy(() -> codec.encode(primary))
                .isInstanceOf(GipcException.class)
                .hasMessageContaining("cycle through a java.lang.RuntimeException");
    }

    @Test
    void anExceptionWhoseClassTheReceiverLacksArrivesAsGipcRemoteException() throws Exception {
        OnlyOnTheSenderException original =
                new OnlyOnTheSenderException("quota exceeded", 429, new IOException("upstream"));
        original.addSuppressed(new IllegalStateException("cleanup"));
        Codec<Object> receiver =
                KryoCodec.withClassLoader(KryoOptions.defaults(), hiding(OnlyOnTheSenderException.class.getName()));

        Object back = receiver.decode(codec.encode(List.of("before", original, "after")));

        List<?> list = (List<?>) back;
        assertThat(list.get(0)).isEqualTo("before");
        assertThat(list.get(2)).isEqualTo("after");
        GipcRemoteException standIn = (GipcRemoteException) list.get(1);
        assertThat(standIn.remoteClassName()).isEqualTo(OnlyOnTheSenderException.class.getName());
        assertThat(standIn.remoteMessage()).isEqualTo("quota exceeded");
        assertThat(standIn).hasMessage(OnlyOnTheSenderException.class.getName() + ": quota exceeded");
        assertThat(standIn.getStackTrace()).isEqualTo(original.getStackTrace());
        assertThat(standIn.getCause()).isInstanceOf(IOException.class).hasMessage("upstream");
        assertThat(standIn.getSuppressed()).singleElement().isInstanceOf(IllegalStateException.class);
        assertThat(standIn).isInstanceOf(GipcException.class);
    }

    @Test
    void aMissingCauseClassArrivesAsAStandInInsideAKnownException() throws Exception {
        IllegalStateException original =
                new IllegalStateException("wrapper", new OnlyOnTheSenderException("inner", 1, null));
        Codec<Object> receiver =
                KryoCodec.withClassLoader(KryoOptions.defaults(), hiding(OnlyOnTheSenderException.class.getName()));

        IllegalStateException back = (IllegalStateException) receiver.decode(codec.encode(original));

        assertThat(back).hasMessage("wrapper");
        assertThat(back.getCause()).isInstanceOf(GipcRemoteException.class);
        assertThat(((GipcRemoteException) back.getCause()).remoteClassName())
                .isEqualTo(OnlyOnTheSenderException.class.getName());
    }

    /** A class loader that sees what this test sees except one class, like a process without that class. */
    private static ClassLoader hiding(String className) {
        return new ClassLoader(KryoExceptionTests.class.getClassLoader()) {
            @Override
            protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
                if (name.equals(className)) {
                    throw new ClassNotFoundException(name);
                }
                return super.loadClass(name, resolve);
            }
        };
    }
}
