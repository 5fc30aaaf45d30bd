package io.gipc.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import io.gipc.Codec;
import io.gipc.LauncherConfig;
import io.gipc.Pipe;
import io.gipc.PipeStats;
import io.gipc.ProcessLauncher;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The registry fed by a real core launcher's listener, pipes in this process only. */
class GipcRegistryTests {

    private final GipcRegistry registry = new GipcRegistry();

    private final ProcessLauncher launcher =
            ProcessLauncher.create(LauncherConfig.defaults().withListener(this.registry.listener()));

    @AfterEach
    void closeLauncher() {
        this.launcher.close();
    }

    @Test
    void openPipesAreListedWithTheirCounters() {
        try (Pipe<String> pipe = this.launcher.pipe("render-rows", Codec.kryo())) {
            pipe.writer().put("row");
            pipe.reader().get(Duration.ofSeconds(10));
            assertThat(this.registry.openPipes()).singleElement().satisfies(stats -> {
                assertThat(stats.name()).isEqualTo("render-rows");
                assertThat(stats.state()).isEqualTo("open");
                assertThat(stats.messagesOut()).isEqualTo(1);
                assertThat(stats.messagesIn()).isEqualTo(1);
            });
        }
        assertThat(this.registry.openPipes()).isEmpty();
    }

    @Test
    void totalsPerNameSumOpenAndClosedPipesAndNeverGoDown() {
        for (int i = 0; i < 3; i++) {
            try (Pipe<String> pipe = this.launcher.pipe("render-rows", Codec.kryo())) {
                pipe.writer().put("row " + i);
                pipe.reader().get(Duration.ofSeconds(10));
            }
        }
        Pipe<String> open = this.launcher.pipe("render-rows", Codec.kryo());
        open.writer().put("open");
        PipeTotals whileOpen = this.registry.pipeTotals("render-rows");
        assertThat(whileOpen.openPipes()).isEqualTo(1);
        assertThat(whileOpen.closedPipes()).isEqualTo(3);
        assertThat(whileOpen.messagesOut()).isEqualTo(4);
        assertThat(whileOpen.messagesIn()).isEqualTo(3);
        open.close();
        PipeTotals closed = this.registry.pipeTotals("render-rows");
        assertThat(closed.openPipes()).isZero();
        assertThat(closed.closedPipes()).isEqualTo(4);
        assertThat(closed.messagesOut()).isEqualTo(4);
        assertThat(closed.bytesOut()).isEqualTo(whileOpen.bytesOut());
    }

    @Test
    void unnamedPipesCountUnderOneName() {
        try (Pipe<String> first = this.launcher.pipe();
                Pipe<String> second = this.launcher.pipe()) {
            first.writer().put("a");
            second.writer().put("b");
            assertThat(this.registry.openPipes())
                    .extracting(PipeStats::name)
                    .doesNotContain(GipcRegistry.UNNAMED)
                    .hasSize(2);
            assertThat(this.registry.pipeTotals()).extracting(PipeTotals::name).containsExactly(GipcRegistry.UNNAMED);
            assertThat(this.registry.pipeTotals(GipcRegistry.UNNAMED).messagesOut())
                    .isEqualTo(2);
        }
    }

    @Test
    void everyPipeNameIsToldOnceNowAndLater() {
        List<String> names = new CopyOnWriteArrayList<>();
        try (Pipe<String> before = this.launcher.pipe("before", Codec.kryo())) {
            this.registry.onPipeName(names::add);
            try (Pipe<String> after = this.launcher.pipe("after", Codec.kryo());
                    Pipe<String> again = this.launcher.pipe("after", Codec.kryo())) {
                assertThat(names).containsExactly("before", "after");
            }
        }
    }
}
