package io.gipc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.esotericsoftware.kryo.io.Output;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.lang.reflect.Proxy;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import javax.management.BadAttributeValueExpException;
import org.apache.commons.collections.functors.Initializations;
import org.apache.commons.collections.functors.InstantiateTransformer;
import org.apache.commons.collections.functors.InvokerTransformer;
import org.junit.jupiter.api.Test;

/** The default codec refuses known gadget classes on both sides; strict options accept only allowed classes. */
class KryoSafetyTests {

    record Order(String id, List<Line> lines) {}

    record Line(String item, int quantity) {}

    record Unlisted(String value) {}

    static class InvokerSubclass extends InvokerTransformer {
        private static final long serialVersionUID = 1L;

        InvokerSubclass() {
            super("exec");
        }
    }

    /** Bytes in the codec's format naming {@code className} as the message's class (what a hostile peer sends). */
    private static byte[] messageNaming(String className) {
        Output out = new Output(256);
        out.writeByte(0); // a Kryo graph follows
        out.writeVarInt(1, true); // the class is given by name
        out.writeVarInt(0, true); // the first name of the message
        out.writeString(className);
        out.writeBytes(new byte[16]);
        return out.toBytes();
    }

    @Test
    void aDeniedClassIsRefusedOnEncodeNamingIt() {
        Codec<Object> codec = Codec.kryo();
        assertThatThrownBy(() -> codec.encode(new InvokerTransformer("exec")))
                .isInstanceOf(GipcException.class)
                .hasMessageContaining(InvokerTransformer.class.getName())
                .hasMessageContaining("deny-list");
        assertThatThrownBy(() -> codec.encode(List.of("fine", Map.of("k", new InvokerTransformer("exec")))))
                .isInstanceOf(GipcException.class)
                .hasMessageContaining(InvokerTransformer.class.getName());
        assertThatThrownBy(() -> codec.encode(new BadAttributeValueExpException("x")))
                .isInstanceOf(GipcException.class)
                .hasMessageContaining("javax.management.BadAttributeValueExpException");
        assertThatThrownBy(() -> codec.encode(InvokerTransformer.class))
                .isInstanceOf(GipcException.class)
                .hasMessageContaining(InvokerTransformer.class.getName());
    }

    @Test
    void aSubclassOfADeniedClassIsRefusedToo() {
        assertThatThrownBy(() -> Codec.kryo().encode(new InvokerSubclass()))
                .isInstanceOf(GipcException.class)
                .hasMessageContaining(InvokerSubclass.class.getName())
                .hasMessageContaining("extends " + InvokerTransformer.class.getName());
    }

    @Test
    void aDeniedClassNamedInReceivedBytesIsRefusedBeforeItIsLoaded() throws Exception {
        Codec<Object> codec = Codec.kryo();
        for (String gadget : List.of(
                InstantiateTransformer.class.getName(),
                "com.sun.org.apache.xalan.internal.xsltc.trax.TemplatesImpl",
                "org.springframework.aop.support.DefaultBeanFactoryPointcutAdvisor",
                "com.sun.rowset.JdbcRowSetImpl",
                "[Lorg.codehaus.groovy.runtime.MethodClosure;",
                "java.lang.ProcessBuilder")) {
            assertThatThrownBy(() -> codec.decode(messageNaming(gadget)))
                    .isInstanceOf(GipcException.class)
                    .hasMessageContaining("names class " + gadget)
                    .hasMessageContaining("before loading");
        }
        assertThat(Initializations.initialized()).doesNotContain(InstantiateTransformer.class.getName());
        assertThat(codec.decode(codec.encode("still usable"))).isEqualTo("still usable");
    }

    @Test
    void dynamicProxiesAreRefused() {
        Object proxy =
                Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Runnable.class}, (p, m, a) -> null);
        assertThatThrownBy(() -> Codec.kryo().encode(proxy))
                .isInstanceOf(GipcException.class)
                .hasMessageContaining("proxies are refused");
    }

    @Test
    void classesAndPackagesDeniedByOptionsAreRefusedOnBothSides() throws Exception {
        Codec<Object> denying = Codec.kryo(KryoOptions.defaults().denying(Unlisted.class));
        Codec<Object> denyingPackage = Codec.kryo(KryoOptions.defaults().denyingPackages("io.gipc"));
        assertThatThrownBy(() -> denying.encode(new Unlisted("u")))
                .isInstanceOf(GipcException.class)
                .hasMessageContaining(Unlisted.class.getName())
                .hasMessageContaining("denied by the codec's KryoOptions");
        byte[] fromDefault = Codec.kryo().encode(List.of(new Order("o", List.of())));
        assertThatThrownBy(() -> denyingPackage.decode(fromDefault))
                .isInstanceOf(GipcException.class)
                .hasMessageContaining(Order.class.getName());
        assertThat(denying.decode(denying.encode(new Order("o", List.of())))).isEqualTo(new Order("o", List.of()));
    }

    @Test
    void strictOptionsAcceptAllowedClassesAndTheBuiltInJdkTypes() throws Exception {
        Codec<Object> strict = Codec.kryo(KryoOptions.defaults().allowing(Order.class, Line.class));
        Object message = List.of(
                new Order("o-1", List.of(new Line("apple", 3))),
                Map.of("k", Optional.of(UUID.randomUUID())),
                LocalDate.of(2024, 1, 1),
                Collections.unmodifiableSet(Set.of(1)),
                new ArrayList<>(List.of("a")),
                new int[] {1},
                new Line[] {new Line("pear", 1)},
                new IllegalStateException("JDK exceptions are built in", new java.io.IOException("cause")),
                new GipcRemoteException("com.example.Gone", "gipc's exceptions are built in too", null));
        Object back = strict.decode(strict.encode(message));
        assertThat(((List<?>) back).subList(0, 5)).isEqualTo(((List<?>) message).subList(0, 5));
        assertThat(((List<?>) back).get(7)).isInstanceOf(IllegalStateException.class);
        assertThat(((List<?>) back).get(8)).isInstanceOf(GipcRemoteException.class);
        Codec<Object> byPackage = Codec.kryo(KryoOptions.defaults().allowingPackages("io.gipc"));
        assertThat(byPackage.decode(byPackage.encode(new Unlisted("u")))).isEqualTo(new Unlisted("u"));
    }

    @Test
    void strictOptionsRefuseOtherClassesOnEncodeAndOnDecodeNamingThem() {
        Codec<Object> strict = Codec.kryo(KryoOptions.defaults().allowing(Order.class, Line.class));
        assertThatThrownBy(() -> strict.encode(List.of(new Unlisted("u"))))
                .isInstanceOf(GipcException.class)
                .hasMessageContaining(Unlisted.class.getName())
                .hasMessageContaining("allow-list");
        assertThatThrownBy(() -> strict.encode(new UnsupportedOperationException("user exceptions need allowing") {}))
                .isInstanceOf(GipcException.class)
                .hasMessageContaining("allow-list");
        assertThatThrownBy(() -> strict.decode(Codec.kryo().encode(new Unlisted("u"))))
                .isInstanceOf(GipcException.class)
                .hasMessageContaining("names class " + Unlisted.class.getName())
                .hasMessageContaining("allow-list");
        assertThatThrownBy(() -> strict.decode(Codec.kryo()
                        .encode(new java.util.logging.LogRecord(
                                java.util.logging.Level.INFO,
                                "JDK types without a dedicated serializer need allowing"))))
                .isInstanceOf(GipcException.class)
                .hasMessageContaining("java.util.logging.LogRecord");
        Codec<Object> onlyJdk = Codec.kryo(KryoOptions.defaults().strict());
        assertThatCode(() -> onlyJdk.decode(onlyJdk.encode(List.of("a", 1, Map.of()))))
                .doesNotThrowAnyException();
    }

    @Test
    void optionsAreValidatedComparableAndSerializable() throws Exception {
        KryoOptions options = KryoOptions.defaults()
                .allowing(Order.class)
                .allowing("com.example.Thing")
                .allowingPackages("com.example.messages")
                .denying("com.example.Bad")
                .denyingPackages("com.example.internal");
        assertThat(options.isStrict()).isTrue();
        assertThat(options.allowedClasses()).containsExactly("com.example.Thing", Order.class.getName());
        assertThat(options)
                .isEqualTo(KryoOptions.defaults()
                        .denyingPackages("com.example.internal")
                        .denying("com.example.Bad")
                        .allowingPackages("com.example.messages")
                        .allowing("com.example.Thing", Order.class.getName()));
        assertThat(KryoOptions.defaults().isStrict()).isFalse();
        assertThat(javaRoundTrip(options)).isEqualTo(options);
        assertThat(javaRoundTrip(KryoOptions.defaults())).isSameAs(KryoOptions.defaults());
        assertThat(Codec.kryo(KryoOptions.defaults())).isSameAs(Codec.kryo());
        assertThat(javaRoundTrip(Codec.kryo(options))).isEqualTo(Codec.kryo(options));
        assertThat(Codec.kryo(options).toString()).contains(Order.class.getName(), "allow-list");
        for (String bad : new String[] {"", "com..x", "com.x.*", "[Lcom.x;", "com/x", ".x", "x y"}) {
            assertThatThrownBy(() -> KryoOptions.defaults().allowing(bad))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("name");
        }
        assertThatThrownBy(() -> Codec.kryo(null)).isInstanceOf(NullPointerException.class);
    }

    private static <T> T javaRoundTrip(T value) throws IOException, ClassNotFoundException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(value);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            @SuppressWarnings("unchecked")
            T back = (T) in.readObject();
            return back;
        }
    }
}
