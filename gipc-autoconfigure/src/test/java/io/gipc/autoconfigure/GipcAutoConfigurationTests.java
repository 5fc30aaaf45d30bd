package io.gipc.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.tuple;

import io.gipc.ChildProcess;
import io.gipc.ChildProcess.Mode;
import io.gipc.Codec;
import io.gipc.DuplexPipe;
import io.gipc.KryoOptions;
import io.gipc.LauncherConfig;
import io.gipc.LauncherListener;
import io.gipc.Pipe;
import io.gipc.PipeReader;
import io.gipc.PipeStats;
import io.gipc.PipeTraffic;
import io.gipc.ProcessLauncher;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.util.unit.DataSize;

class GipcAutoConfigurationTests {

    private final ApplicationContextRunner contextRunner =
            new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(GipcAutoConfiguration.class));

    @Test
    void launcherIsConfiguredWithDefaults() {
        this.contextRunner.run(context -> {
            assertThat(context).hasSingleBean(ProcessLauncher.class);
            assertThat(context).hasSingleBean(GipcProcessLauncher.class);
            assertThat(context).hasSingleBean(GipcLifecycle.class);
            assertThat(context).hasSingleBean(GipcRegistry.class);
            assertThat(context).hasSingleBean(LauncherConfig.class);
            GipcProperties properties = context.getBean(GipcProperties.class);
            assertThat(properties.isEnabled()).isTrue();
            assertThat(properties.getShutdown().getTimeout()).isEqualTo(Duration.ofSeconds(10));
            assertThat(properties.getMaxMessageSize().toBytes()).isEqualTo(LauncherConfig.DEFAULT_MAX_MESSAGE_SIZE);
            assertThat(properties.getChild().getJvmArguments()).isEqualTo(LauncherConfig.DEFAULT_JVM_ARGUMENTS);
            assertThat(properties.getChild().getMaxHeap()).isNull();
            assertThat(properties.getChild().isInheritIo()).isTrue();
            assertThat(properties.getKryo().isRegistrationRequired()).isFalse();
            assertThat(properties.getPipes()).isEmpty();
            assertThat(context.getBean(GipcLifecycle.class).getPhase()).isEqualTo(GipcLifecycle.PHASE);
        });
    }

    @Test
    void launcherBacksOffWhenUserDefinesOne() {
        this.contextRunner
                .withUserConfiguration(UserLauncherConfiguration.class)
                .run(context -> {
                    assertThat(context).hasSingleBean(ProcessLauncher.class);
                    assertThat(context).doesNotHaveBean(GipcProcessLauncher.class);
                    assertThat(context.getBean(ProcessLauncher.class)).isInstanceOf(NoChildrenLauncher.class);
                    assertThat(context).hasSingleBean(GipcLifecycle.class);
                });
    }

    @Test
    void nothingIsRegisteredWhenDisabled() {
        this.contextRunner.withPropertyValues("gipc.enabled=false").run(context -> {
            assertThat(context).doesNotHaveBean(ProcessLauncher.class);
            assertThat(context).doesNotHaveBean(GipcProperties.class);
            assertThat(context).doesNotHaveBean(GipcLifecycle.class);
        });
    }

    @Test
    void theAotCacheIsOnByDefaultAndPropertiesMoveOrDisableIt() {
        this.contextRunner.run(
                context -> assertThat(context.getBean(LauncherConfig.class).aotCache())
                        .isEqualTo(LauncherConfig.defaults().aotCache())
                        .isNotNull());
        this.contextRunner
                .withPropertyValues("gipc.child.aot-cache-directory=/tmp/gipc-aot-test")
                .run(context -> assertThat(context.getBean(LauncherConfig.class).aotCache())
                        .isEqualTo(Path.of("/tmp/gipc-aot-test")));
        this.contextRunner
                .withPropertyValues("gipc.child.aot-cache=false")
                .run(context -> assertThat(context.getBean(LauncherConfig.class).aotCache())
                        .isNull());
    }

    @Test
    void propertiesAreBound() {
        this.contextRunner
                .withPropertyValues(
                        "gipc.child.jvm-arguments=-XX:+UseSerialGC,-Xss512k",
                        "gipc.child.max-heap=64MB",
                        "gipc.child.inherit-io=false",
                        "gipc.child.pool-size=1",
                        "gipc.shutdown.timeout=3s",
                        "gipc.socket-directory=/tmp",
                        "gipc.max-message-size=16MB",
                        "gipc.kryo.registration-required=true",
                        "gipc.kryo.allowed-classes=java.lang.String,java.util.ArrayList",
                        "gipc.pipes.jobs.max-message-size=1MB",
                        "gipc.pipes.chat.duplex=true",
                        "gipc.pipes.chat.codec=raw")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    GipcProperties properties = context.getBean(GipcProperties.class);
                    assertThat(properties.getChild().getJvmArguments()).containsExactly("-XX:+UseSerialGC", "-Xss512k");
                    assertThat(properties.getChild().getMaxHeap()).isEqualTo(DataSize.ofMegabytes(64));
                    assertThat(properties.getChild().isInheritIo()).isFalse();
                    assertThat(properties.getChild().getPoolSize()).isEqualTo(1);
                    assertThat(properties.getShutdown().getTimeout()).isEqualTo(Duration.ofSeconds(3));
                    assertThat(properties.getSocketDirectory()).isEqualTo(Path.of("/tmp"));
                    assertThat(properties.getMaxMessageSize()).isEqualTo(DataSize.ofMegabytes(16));
                    assertThat(properties.getKryo().isRegistrationRequired()).isTrue();
                    assertThat(properties.getKryo().getAllowedClasses())
                            .containsExactly("java.lang.String", "java.util.ArrayList");
                    assertThat(properties.getPipes()).containsOnlyKeys("jobs", "chat");
                    assertThat(properties.getPipes().get("jobs").getMaxMessageSize())
                            .isEqualTo(DataSize.ofMegabytes(1));
                    assertThat(properties.getPipes().get("chat").isDuplex()).isTrue();
                    assertThat(properties.getPipes().get("chat").getCodec()).isEqualTo(GipcProperties.PipeCodec.RAW);
                    LauncherConfig config = context.getBean(LauncherConfig.class);
                    assertThat(config.jvmArguments()).containsExactly("-XX:+UseSerialGC", "-Xss512k", "-Xmx65536k");
                    assertThat(config.poolSize()).isEqualTo(1);
                    assertThat(config.shutdownTimeout()).isEqualTo(Duration.ofSeconds(3));
                    assertThat(config.socketParent()).isEqualTo(Path.of("/tmp"));
                    assertThat(config.maxMessageSize()).isEqualTo(16 * 1024 * 1024);
                    @SuppressWarnings("unchecked")
                    Codec<Object> codec = (Codec<Object>) config.defaultCodec();
                    assertThat(codec.decode(codec.encode("allowed"))).isEqualTo("allowed");
                    assertThatException().isThrownBy(() -> codec.encode(new NotAllowed("refused")));
                });
    }

    @Test
    void aUserCodecBeanIsTheDefaultCodec() {
        Codec<Object> mine = Codec.of(value -> new byte[] {42}, bytes -> "decoded by mine");
        this.contextRunner.withBean("myCodec", Codec.class, () -> mine).run(context -> {
            assertThat(context.getBean(LauncherConfig.class).defaultCodec()).isSameAs(mine);
            try (Pipe<Object> pipe = context.getBean(ProcessLauncher.class).pipe()) {
                pipe.writer().put("anything");
                assertThat(pipe.reader().get(Duration.ofSeconds(10))).isEqualTo("decoded by mine");
            }
        });
    }

    @Test
    void twoUserCodecBeansLeaveKryoTheDefault() {
        Codec<Object> one = Codec.of(value -> new byte[] {1}, bytes -> "one");
        Codec<Object> two = Codec.of(value -> new byte[] {2}, bytes -> "two");
        this.contextRunner
                .withBean("one", Codec.class, () -> one)
                .withBean("two", Codec.class, () -> two)
                .run(context -> {
                    try (Pipe<Object> pipe =
                            context.getBean(ProcessLauncher.class).pipe()) {
                        pipe.writer().put(List.of("kryo", 1));
                        assertThat(pipe.reader().get(Duration.ofSeconds(10))).isEqualTo(List.of("kryo", 1));
                    }
                });
    }

    @Test
    void customizersRunInOrderAndTheirListenerIsKept() {
        List<String> calls = new CopyOnWriteArrayList<>();
        List<String> pipesSeen = new CopyOnWriteArrayList<>();
        LauncherListener listener = new LauncherListener() {
            @Override
            public void pipeCreated(PipeTraffic pipe) {
                pipesSeen.add(pipe.name());
            }
        };
        this.contextRunner
                .withBean(
                        "second",
                        GipcLauncherCustomizer.class,
                        () -> new OrderedCustomizer(2, config -> {
                            calls.add("second saw " + config.maxMessageSize());
                            return config.withMaxMessageSize(2000);
                        }))
                .withBean(
                        "first",
                        GipcLauncherCustomizer.class,
                        () -> new OrderedCustomizer(1, config -> {
                            calls.add("first saw " + config.maxMessageSize());
                            return config.withMaxMessageSize(1000).withListener(listener);
                        }))
                .withPropertyValues("gipc.max-message-size=3000B")
                .run(context -> {
                    assertThat(calls).containsExactly("first saw 3000", "second saw 1000");
                    assertThat(context.getBean(LauncherConfig.class).maxMessageSize())
                            .isEqualTo(2000);
                    try (Pipe<String> pipe =
                            context.getBean(GipcProcessLauncher.class).pipe("customized")) {
                        assertThat(pipesSeen).containsExactly("customized");
                        assertThat(context.getBean(GipcRegistry.class)
                                        .pipeTotals("customized")
                                        .openPipes())
                                .isEqualTo(1);
                    }
                });
    }

    @Test
    void launcherListenerBeansAreToldAboutPipes() {
        List<String> pipesSeen = new CopyOnWriteArrayList<>();
        this.contextRunner
                .withBean(LauncherListener.class, () -> new LauncherListener() {
                    @Override
                    public void pipeCreated(PipeTraffic pipe) {
                        pipesSeen.add(pipe.name());
                    }
                })
                .run(context -> {
                    try (Pipe<String> pipe =
                            context.getBean(GipcProcessLauncher.class).pipe("told")) {
                        assertThat(pipesSeen).containsExactly("told");
                    }
                });
    }

    @Test
    void negativeShutdownTimeoutFailsNamingTheProperty() {
        this.contextRunner
                .withPropertyValues("gipc.shutdown.timeout=-1s")
                .run(context -> assertThat(context)
                        .getFailure()
                        .rootCause()
                        .hasMessageContaining("gipc.shutdown.timeout must not be negative"));
    }

    @Test
    void negativePoolSizeFailsNamingTheProperty() {
        this.contextRunner
                .withPropertyValues("gipc.child.pool-size=-1")
                .run(context -> assertThat(context)
                        .getFailure()
                        .rootCause()
                        .hasMessageContaining("gipc.child.pool-size must not be negative"));
    }

    @Test
    void tooLargeMaxMessageSizeFailsNamingTheProperty() {
        this.contextRunner
                .withPropertyValues("gipc.max-message-size=4GB")
                .run(context -> assertThat(context)
                        .getFailure()
                        .rootCause()
                        .hasMessageContaining("gipc.max-message-size must be between 1B and 2147483647B"));
    }

    @Test
    void tinyChildHeapFailsNamingTheProperty() {
        this.contextRunner
                .withPropertyValues("gipc.child.max-heap=1KB")
                .run(context -> assertThat(context)
                        .getFailure()
                        .rootCause()
                        .hasMessageContaining("gipc.child.max-heap must be at least 2MB"));
    }

    @Test
    void registrationRequiredWithoutAllowedClassesFailsNamingTheProperties() {
        this.contextRunner
                .withPropertyValues("gipc.kryo.registration-required=true")
                .run(context -> assertThat(context)
                        .getFailure()
                        .rootCause()
                        .hasMessageContaining("gipc.kryo.allowed-classes must name at least one class")
                        .hasMessageContaining("gipc.kryo.registration-required"));
    }

    @Test
    void kryoPropertiesBecomeTheDefaultCodecsOptions() {
        this.contextRunner
                .withPropertyValues(
                        "gipc.kryo.registration-required=true",
                        "gipc.kryo.allowed-classes=com.example.Order",
                        "gipc.kryo.allowed-packages=com.example.messages",
                        "gipc.kryo.denied-classes=com.example.messages.Secret",
                        "gipc.kryo.denied-packages=com.example.messages.internal")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context.getBean(LauncherConfig.class).defaultCodec())
                            .isEqualTo(Codec.kryo(KryoOptions.defaults()
                                    .allowing("com.example.Order")
                                    .allowingPackages("com.example.messages")
                                    .denying("com.example.messages.Secret")
                                    .denyingPackages("com.example.messages.internal")));
                });
        this.contextRunner
                .withPropertyValues(
                        "gipc.kryo.allowed-classes=com.example.Order", "gipc.kryo.denied-classes=com.example.Secret")
                .run(context -> assertThat(context.getBean(LauncherConfig.class).defaultCodec())
                        .isEqualTo(Codec.kryo(KryoOptions.defaults().denying("com.example.Secret"))));
        this.contextRunner.run(context ->
                assertThat(context.getBean(LauncherConfig.class).defaultCodec()).isSameAs(Codec.kryo()));
    }

    @Test
    void aKryoClassNameThatIsNotOneFailsNamingTheProperty() {
        this.contextRunner
                .withPropertyValues("gipc.kryo.denied-packages=com.example.*")
                .run(context -> assertThat(context)
                        .getFailure()
                        .rootCause()
                        .hasMessageContaining("gipc.kryo.denied-packages: 'com.example.*' is not a package name"));
    }

    @Test
    void pipeLargerThanLauncherMaximumFailsNamingTheProperty() {
        this.contextRunner
                .withPropertyValues("gipc.max-message-size=1MB", "gipc.pipes.jobs.max-message-size=2MB")
                .run(context -> assertThat(context)
                        .getFailure()
                        .rootCause()
                        .hasMessageContaining("gipc.pipes.jobs.max-message-size must be at least 1B and at most"
                                + " gipc.max-message-size"));
    }

    @Test
    void pipesDeclaredInConfigurationAreBeansNamedByTheirKey() {
        this.contextRunner
                .withPropertyValues("gipc.pipes.jobs.max-message-size=1KB", "gipc.pipes.chat.duplex=true")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context.getBean("jobs")).isInstanceOf(Pipe.class);
                    assertThat(context.getBean("chat")).isInstanceOf(DuplexPipe.class);
                    assertThat(context.getBean(GipcRegistry.class).pipeTotals())
                            .extracting(PipeTotals::name)
                            .containsExactlyInAnyOrder("jobs", "chat");
                    assertThat(context.getBean(ProcessLauncher.class).pipeStats())
                            .extracting(PipeStats::name)
                            .contains("jobs", "chat");
                });
    }

    @Test
    void pipeBeansAreInjectableByName() {
        this.contextRunner
                .withPropertyValues("gipc.pipes.jobs.duplex=false", "gipc.pipes.results.duplex=false")
                .withUserConfiguration(PipeConsumerConfiguration.class)
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    PipeConsumer consumer = context.getBean(PipeConsumer.class);
                    assertThat(consumer.jobs()).isSameAs(context.getBean("jobs"));
                    assertThat(consumer.results()).isSameAs(context.getBean("results"));
                });
    }

    @Test
    void entryPointsAreDiscoveredOnBeans() {
        this.contextRunner.withBean(Workers.class).run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context.getBean(GipcProcessLauncher.class).entryPoints())
                    .containsExactlyInAnyOrder("resize", "count");
        });
    }

    @Test
    void duplicateChildProcessNamesFailFastNamingBeansAndMethods() {
        this.contextRunner
                .withBean("workers", Workers.class)
                .withBean("otherWorkers", OtherWorkers.class)
                .run(context -> assertThat(context)
                        .getFailure()
                        .isInstanceOf(IllegalStateException.class)
                        .hasMessageContaining("Duplicate @ChildProcess name 'resize'")
                        .hasMessageContaining("bean 'workers' method Workers.resize(PipeReader, String)")
                        .hasMessageContaining("bean 'otherWorkers' method OtherWorkers.resize(PipeReader)"));
    }

    @Test
    void entryPointsMayReturnAValue() {
        this.contextRunner.withBean("valueWorker", ValueWorker.class).run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context.getBean(GipcProcessLauncher.class).entryPoints()).containsExactly("value");
        });
    }

    @Test
    void poolsDeclaredInConfigurationAreBeansNamedByTheirKeyWithDefaults() {
        // SPRING mode without a SpringApplication: the pool cannot start, so no worker JVM is spent on this test
        this.contextRunner
                .withBean("valueWorker", ValueWorker.class)
                .withPropertyValues(
                        "gipc.pools.values.entry-point=value",
                        "gipc.pools.tuned.entry-point=value",
                        "gipc.pools.tuned.workers=3",
                        "gipc.pools.tuned.max-tasks-per-worker=100",
                        "gipc.pools.tuned.task-timeout=30s",
                        "gipc.pools.tuned.jvm-arguments=-Xmx64m,-Xss512k")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    GipcProperties.Pool values =
                            context.getBean(GipcProperties.class).getPools().get("values");
                    assertThat(values.getWorkers()).isEqualTo(1);
                    assertThat(values.getMaxTasksPerWorker()).isZero();
                    assertThat(values.getTaskTimeout()).isNull();
                    assertThat(values.getJvmArguments()).isEmpty();
                    GipcProperties.Pool tuned =
                            context.getBean(GipcProperties.class).getPools().get("tuned");
                    assertThat(tuned.getWorkers()).isEqualTo(3);
                    assertThat(tuned.getMaxTasksPerWorker()).isEqualTo(100);
                    assertThat(tuned.getTaskTimeout()).isEqualTo(Duration.ofSeconds(30));
                    assertThat(tuned.getJvmArguments()).containsExactly("-Xmx64m", "-Xss512k");
                    assertThat(context.getBeansOfType(EntryPointPool.class)).containsOnlyKeys("values", "tuned");
                    EntryPointPool pool = context.getBean("tuned", EntryPointPool.class);
                    assertThat(pool.name()).isEqualTo("tuned");
                    assertThat(pool.entryPoint()).isEqualTo("value");
                    assertThat(pool.stats().size()).isEqualTo(3);
                    assertThat(pool.stats().lastStartFailure())
                            .contains("runs in SPRING mode, but no SpringApplication started this context");
                    assertThat(context.getBean(GipcRegistry.class).pools())
                            .extracting(ManagedPool::name, ManagedPool::entryPoint, ManagedPool::isFailing)
                            .containsExactlyInAnyOrder(tuple("values", "value", true), tuple("tuned", "value", true));
                });
    }

    @Test
    void aPoolOfAnUnknownEntryPointFailsTheStartupNamingThePoolAndTheKnownEntryPoints() {
        this.contextRunner
                .withBean(Workers.class)
                .withPropertyValues("gipc.pools.render.entry-point=nope")
                .run(context -> assertThat(context)
                        .getFailure()
                        .rootCause()
                        .hasMessageContaining("gipc.pools.render.entry-point: pool 'render' runs entry point 'nope',"
                                + " but no @ChildProcess method has that name")
                        .hasMessageContaining("resize")
                        .hasMessageContaining("count"));
    }

    @Test
    void aPoolWithoutEntryPointFailsNamingTheProperty() {
        this.contextRunner
                .withPropertyValues("gipc.pools.render.workers=2")
                .run(context -> assertThat(context)
                        .getFailure()
                        .rootCause()
                        .hasMessageContaining("gipc.pools.render.entry-point must name the @ChildProcess entry point"));
    }

    @Test
    void invalidPoolSizesAndTimeoutsFailNamingTheProperty() {
        this.contextRunner
                .withBean(Workers.class)
                .withPropertyValues(
                        "gipc.pools.render.entry-point=resize",
                        "gipc.pools.render.workers=0",
                        "gipc.pools.render.max-tasks-per-worker=-1",
                        "gipc.pools.render.task-timeout=0s")
                .run(context -> assertThat(context)
                        .getFailure()
                        .rootCause()
                        .hasMessageContaining("gipc.pools.render.workers must be at least 1")
                        .hasMessageContaining("gipc.pools.render.max-tasks-per-worker must be 0 (never) or positive")
                        .hasMessageContaining("gipc.pools.render.task-timeout must be positive"));
    }

    @Test
    void plainEntryPointWithoutNoArgConstructorFailsFast() {
        this.contextRunner
                .withBean("constructedWorker", ConstructedWorker.class, () -> new ConstructedWorker("x"))
                .run(context -> assertThat(context)
                        .getFailure()
                        .isInstanceOf(IllegalStateException.class)
                        .hasMessageContaining("bean 'constructedWorker' method ConstructedWorker.work(PipeReader)")
                        .hasMessageContaining("in PLAIN mode it must be static"));
    }

    @Test
    void unknownEntryPointIsRefusedWithTheKnownNames() {
        this.contextRunner
                .withBean(Workers.class)
                .run(context -> assertThatIllegalArgumentException()
                        .isThrownBy(
                                () -> context.getBean(GipcProcessLauncher.class).start("nope"))
                        .withMessageContaining("No @ChildProcess entry point named 'nope'")
                        .withMessageContaining("resize"));
    }

    @Test
    void launchArgumentsThatDoNotFitAreRefusedBeforeAnyChildStarts() {
        this.contextRunner.withBean(Workers.class).run(context -> {
            GipcProcessLauncher launcher = context.getBean(GipcProcessLauncher.class);
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> launcher.start("resize", "not a reader", "x"))
                    .withMessageContaining("launch argument 0 (java.lang.String) does not fit parameter 'jobs'");
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> launcher.start("resize"))
                    .withMessageContaining("takes exactly 2 launch argument(s), got 0");
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> launcher.start("count"))
                    .withMessageContaining(
                            "parameter 'jobs' is a pipe handle (PipeReader): pass it as launch" + " argument 0");
            assertThat(launcher.children()).isEmpty();
        });
    }

    @Configuration(proxyBeanMethods = false)
    static class UserLauncherConfiguration {

        @Bean
        NoChildrenLauncher userLauncher() {
            return new NoChildrenLauncher();
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class PipeConsumerConfiguration {

        @Bean
        PipeConsumer pipeConsumer(Pipe<String> jobs, Pipe<String> results) {
            return new PipeConsumer(jobs, results);
        }
    }

    record PipeConsumer(Pipe<String> jobs, Pipe<String> results) {}

    record NotAllowed(String value) {}

    record OrderedCustomizer(int order, GipcLauncherCustomizer customizer) implements GipcLauncherCustomizer, Ordered {

        @Override
        public LauncherConfig customize(LauncherConfig config) {
            return this.customizer.customize(config);
        }

        @Override
        public int getOrder() {
            return this.order;
        }
    }

    static class Workers {

        @ChildProcess(value = "resize", mode = Mode.PLAIN)
        static void resize(PipeReader<String> jobs, String size) {}

        @ChildProcess("count")
        void count(PipeReader<String> jobs, Workers self) {}
    }

    static class OtherWorkers {

        @ChildProcess("resize")
        void resize(PipeReader<String> jobs) {}
    }

    static class ValueWorker {

        @ChildProcess("value")
        String compute() {
            return "x";
        }
    }

    static class ConstructedWorker {

        ConstructedWorker(String name) {}

        @ChildProcess(value = "constructed", mode = Mode.PLAIN)
        void work(PipeReader<String> jobs) {}
    }
}
