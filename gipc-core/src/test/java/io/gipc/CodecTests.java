package io.gipc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The codecs: any object graph by default, raw bytes, user codecs and their failures. */
class CodecTests {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @RegisterExtension
    final LauncherExtension ext = new LauncherExtension();

    record Point(int x, int y) {}

    enum Colour {
        RED,
        GREEN
    }

    static final class NoDefaultConstructor {
        final String value;

        NoDefaultConstructor(String value) {
            this.value = value;
        }
    }

    static final class Node {
        String name;
        Node next;
    }

    @Test
    void theDefaultCodecTakesAnyObjectGraph() {
        Pipe<Object> p = ext.launcher().pipe();
        Node a = new Node();
        Node b = new Node();
        a.name = "a";
        b.name = "b";
        a.next = b;
        b.next = a;
        List<Object> shared = new ArrayList<>(List.of("x"));
        List<Object> twice = List.of(shared, shared);

        p.writer().put(new Point(1, 2));
        p.writer().put(Colour.GREEN);
        p.writer().put(null);
        p.writer().put(List.of(1, 2, 3));
        p.writer().put(Map.of("k", "v"));
        p.writer().put(Set.of("s"));
        p.writer().put(new NoDefaultConstructor("kept"));
        p.writer().put(a);
        p.writer().put(twice);

        assertThat(p.reader().get(WAIT)).isEqualTo(new Point(1, 2));
        assertThat(p.reader().get(WAIT)).isEqualTo(Colour.GREEN);
        assertThat(p.reader().get(WAIT)).isNull();
        assertThat(p.reader().get(WAIT)).isEqualTo(List.of(1, 2, 3));
        assertThat(p.reader().get(WAIT)).isEqualTo(Map.of("k", "v"));
        assertThat(p.reader().get(WAIT)).isEqualTo(Set.of("s"));
        assertThat(((NoDefaultConstructor) p.reader().get(WAIT)).value).isEqualTo("kept");
        Node cycle = (Node) p.reader().get(WAIT);
        assertThat(cycle.next.next).isSameAs(cycle);
        assertThat(cycle.next.name).isEqualTo("b");
        @SuppressWarnings("unchecked")
        List<Object> sharedBack = (List<Object>) p.reader().get(WAIT);
        assertThat(sharedBack.get(0)).isSameAs(sharedBack.get(1));
    }

    @Test
    void theRawCodecPassesBytesUnchanged() {
        Pipe<byte[]> p = ext.launcher().pipe(Codec.raw());
        byte[] bytes = {0, 1, 2, (byte) 255};
        p.writer().put(bytes);
        p.writer().put(new byte[0]);
        assertThat(p.reader().get(WAIT)).containsExactly(0, 1, 2, 255);
        assertThat(p.reader().get(WAIT)).isEmpty();
        assertThatThrownBy(() -> p.writer().put(null))
                .isInstanceOf(GipcException.class)
                .hasMessageContaining("null");
    }

    @Test
    void aUserCodecWorksAndItsFailuresLeaveThePipeUsable() {
        Codec<String> codec = Codec.of(
                s -> {
                    if (s.equals("unencodable")) {
                        throw new IllegalArgumentException("cannot encode that");
                    }
                    return s.getBytes(StandardCharsets.UTF_8);
                },
                b -> {
                    String s = new String(b, StandardCharsets.UTF_8);
                    if (s.equals("undecodable")) {
                        throw new IllegalStateException("cannot decode that");
                    }
                    return s;
                });
        Pipe<String> p = ext.launcher().pipe(codec);
        assertThatThrownBy(() -> p.writer().put("unencodable"))
                .isInstanceOf(GipcException.class)
                .hasCauseInstanceOf(IllegalArgumentException.class);
        p.writer().put("undecodable");
        p.writer().put("fine");
        assertThatThrownBy(() -> p.reader().get(WAIT))
                .isInstanceOf(GipcException.class)
                .hasCauseInstanceOf(IllegalStateException.class);
        assertThat(p.reader().get(WAIT)).isEqualTo("fine");
    }

    @Test
    void anUnserializableMessageFailsPutAndThePipeStaysUsable() {
        Pipe<Object> p = ext.launcher().pipe();
        assertThatThrownBy(() -> p.writer().put(Thread.currentThread()))
                .isInstanceOf(GipcException.class)
                .hasMessageContaining("java.lang.")
                .hasMessageContaining("nothing was written")
                .cause()
                .isNotNull();
        p.writer().put("next");
        assertThat(p.reader().get(WAIT)).isEqualTo("next");
    }

    @Test
    void codecOfRejectsNull() {
        assertThatThrownBy(() -> Codec.of(null, b -> b)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> Codec.of(b -> new byte[0], null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void aUserCodecTravelsWithItsHandleIntoAChild() {
        ProcessLauncher launcher = ext.launcher();
        Pipe<String> p = launcher.pipe(
                Codec.of(s -> s.getBytes(StandardCharsets.UTF_8), b -> new String(b, StandardCharsets.UTF_8)));
        var w = p.writer();
        GipcProcess child = launcher.start(() -> w.put("from the child"));
        assertThat(p.reader().get(WAIT)).isEqualTo("from the child");
        assertThat(child.join(WAIT)).isTrue();
    }
}
