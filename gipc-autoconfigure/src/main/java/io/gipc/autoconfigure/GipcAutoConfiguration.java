package io.gipc.autoconfigure;

import io.gipc.ChildOptions;
import io.gipc.Codec;
import io.gipc.KryoOptions;
import io.gipc.LauncherConfig;
import io.gipc.LauncherListener;
import io.gipc.ProcessLauncher;
import java.lang.ProcessBuilder.Redirect;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * {@link org.springframework.boot.autoconfigure.EnableAutoConfiguration Auto-configuration} for gipc: a
 * {@link ProcessLauncher} bean configured by {@code gipc.*} properties, the {@code @ChildProcess} entry points of the
 * application, the pipes declared under {@code gipc.pipes}, the worker pools declared under {@code gipc.pools}
 * ({@link EntryPointPool} beans), and the lifecycle that closes every pool and ends every child when the context
 * closes.
 *
 * <p>The launcher is created from the {@link LauncherConfig} bean {@code gipcLauncherConfig}: the properties, the
 * application's {@link Codec} bean as default codec (when it has exactly one; Kryo otherwise), then every
 * {@link GipcLauncherCustomizer} in order, and a listener that feeds the {@link GipcRegistry} and tells every
 * {@link LauncherListener} bean. A {@code ProcessLauncher} bean of the application's own replaces the launcher; it
 * is observed (endpoint, health, meters) when created from that config: {@code ProcessLauncher.create(config)}.
 */
@AutoConfiguration
@ConditionalOnBooleanProperty(name = "gipc.enabled", matchIfMissing = true)
@EnableConfigurationProperties(GipcProperties.class)
@Import({PipeBeanRegistrar.class, PoolBeanRegistrar.class})
public final class GipcAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    ChildProcessEntryPoints gipcChildProcessEntryPoints(ConfigurableListableBeanFactory beanFactory) {
        return new ChildProcessEntryPoints(beanFactory);
    }

    @Bean
    @ConditionalOnMissingBean
    GipcRegistry gipcRegistry() {
        return new GipcRegistry();
    }

    @Bean
    @ConditionalOnMissingBean
    LauncherConfig gipcLauncherConfig(
            GipcProperties properties,
            GipcRegistry registry,
            ObjectProvider<Codec<?>> codecs,
            ObjectProvider<GipcLauncherCustomizer> customizers,
            ObjectProvider<LauncherListener> listenerBeans) {
        LauncherConfig config = new LauncherConfig(
                properties.getSocketDirectory(),
                (int) properties.getMaxMessageSize().toBytes(),
                jvmArguments(properties.getChild()),
                properties.getShutdown().getTimeout(),
                codecs.getIfUnique(() -> kryoCodec(properties.getKryo())),
                new LauncherListener() {},
                properties.getChild().getPoolSize());
        config = aotCache(config, properties.getChild());
        for (GipcLauncherCustomizer customizer : customizers.orderedStream().toList()) {
            config = customizer.customize(config);
        }
        List<LauncherListener> listeners = new ArrayList<>();
        listeners.add(registry.listener());
        listenerBeans.orderedStream().forEach(listeners::add);
        listeners.add(config.listener());
        return config.withListener(new LauncherListeners(listeners));
    }

    private static LauncherConfig aotCache(LauncherConfig config, GipcProperties.Child child) {
        if (!child.isAotCache()) {
            return config.withAotCache(null);
        }
        Path directory = child.getAotCacheDirectory();
        return directory == null ? config : config.withAotCache(directory);
    }

    @Bean
    @ConditionalOnMissingBean(ProcessLauncher.class)
    GipcProcessLauncher gipcProcessLauncher(
            LauncherConfig gipcLauncherConfig,
            GipcProperties properties,
            GipcRegistry registry,
            ChildProcessEntryPoints entryPoints,
            ObjectProvider<ChildApplicationSources> sources) {
        return new GipcProcessLauncher(
                ProcessLauncher.create(gipcLauncherConfig),
                gipcLauncherConfig.defaultCodec(),
                entryPoints,
                sources::getIfAvailable,
                childOptions(properties.getChild()),
                registry,
                gipcLauncherConfig.shutdownTimeout());
    }

    @Bean
    @ConditionalOnMissingBean
    GipcLifecycle gipcLifecycle(
            ProcessLauncher launcher,
            GipcProperties properties,
            GipcRegistry registry,
            ObjectProvider<EntryPointPool> pools) {
        return new GipcLifecycle(
                launcher,
                properties.getShutdown().getTimeout(),
                registry,
                () -> pools.orderedStream().toList());
    }

    /** {@code gipc.child.*} as the options of children started without options of their own. */
    static ChildOptions childOptions(GipcProperties.Child child) {
        return child.isInheritIo()
                ? ChildOptions.defaults()
                : ChildOptions.defaults().withOutput(Redirect.DISCARD).withError(Redirect.DISCARD);
    }

    static Codec<?> kryoCodec(GipcProperties.Kryo kryo) {
        return Codec.kryo(kryoOptions(kryo));
    }

    /** {@code gipc.kryo.*} as the codec's options: allowed names count only when registration is required. */
    static KryoOptions kryoOptions(GipcProperties.Kryo kryo) {
        KryoOptions options = KryoOptions.defaults()
                .denying(kryo.getDeniedClasses().toArray(String[]::new))
                .denyingPackages(kryo.getDeniedPackages().toArray(String[]::new));
        if (kryo.isRegistrationRequired()) {
            options = options.strict()
                    .allowing(kryo.getAllowedClasses().toArray(String[]::new))
                    .allowingPackages(kryo.getAllowedPackages().toArray(String[]::new));
        }
        return options;
    }

    private static List<String> jvmArguments(GipcProperties.Child child) {
        List<String> arguments = new ArrayList<>(child.getJvmArguments());
        if (child.getMaxHeap() != null) {
            arguments.add("-Xmx" + child.getMaxHeap().toKilobytes() + "k");
        }
        return arguments;
    }
}
