package io.gipc.autoconfigure;

import io.gipc.Codec;
import io.gipc.KryoOptions;
import io.gipc.LauncherConfig;
import io.gipc.LauncherListener;
import io.gipc.ProcessLauncher;
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
 * application, the pipes declared under {@code gipc.pipes}, and the lifecycle that ends every child when the
 * context closes.
 */
@AutoConfiguration
@ConditionalOnBooleanProperty(name = "gipc.enabled", matchIfMissing = true)
@EnableConfigurationProperties(GipcProperties.class)
@Import(PipeBeanRegistrar.class)
public final class GipcAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    ChildProcessEntryPoints gipcChildProcessEntryPoints(ConfigurableListableBeanFactory beanFactory) {
        return new ChildProcessEntryPoints(beanFactory);
    }

    @Bean
    @ConditionalOnMissingBean(ProcessLauncher.class)
    GipcProcessLauncher gipcProcessLauncher(
            GipcProperties properties,
            ChildProcessEntryPoints entryPoints,
            ObjectProvider<ChildApplicationSources> sources,
            ObjectProvider<LauncherListener> listenerBeans) {
        GipcProcessLauncher.Listeners listeners = new GipcProcessLauncher.Listeners();
        listenerBeans.orderedStream().forEach(listeners::add);
        Codec<?> codec = kryoCodec(properties.getKryo());
        LauncherConfig config = new LauncherConfig(
                properties.getSocketDirectory(),
                (int) properties.getMaxMessageSize().toBytes(),
                jvmArguments(properties.getChild()),
                properties.getShutdown().getTimeout(),
                codec,
                listeners,
                properties.getChild().getPoolSize());
        return new GipcProcessLauncher(
                ProcessLauncher.create(config),
                listeners,
                entryPoints,
                sources::getIfAvailable,
                properties.getChild().isInheritIo(),
                properties.getShutdown().getTimeout(),
                codec);
    }

    @Bean
    @ConditionalOnMissingBean
    GipcLifecycle gipcLifecycle(ProcessLauncher launcher, GipcProperties properties) {
        return new GipcLifecycle(launcher, properties.getShutdown().getTimeout());
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
