package io.gipc.autoconfigure;

import io.gipc.Codec;
import io.gipc.ProcessLauncher;
import java.util.Map;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.BeanFactoryAware;
import org.springframework.beans.factory.support.AbstractBeanDefinition;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.EnvironmentAware;
import org.springframework.context.annotation.ImportBeanDefinitionRegistrar;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotationMetadata;
import org.springframework.util.unit.DataSize;

/**
 * Registers a bean for every pipe declared under {@code gipc.pipes.<name>}: a {@code Pipe} (or a {@code DuplexPipe}
 * when {@code duplex} is set) named {@code <name>}, created by the {@link ProcessLauncher} bean with that name, so
 * that its metrics carry it. The context closes the pipe (every end still held in this process) when it closes.
 */
final class PipeBeanRegistrar implements ImportBeanDefinitionRegistrar, EnvironmentAware, BeanFactoryAware {

    private Environment environment;

    private BeanFactory beanFactory;

    @Override
    public void setEnvironment(Environment environment) {
        this.environment = environment;
    }

    @Override
    public void setBeanFactory(BeanFactory beanFactory) {
        this.beanFactory = beanFactory;
    }

    @Override
    public void registerBeanDefinitions(AnnotationMetadata metadata, BeanDefinitionRegistry registry) {
        Map<String, GipcProperties.Pipe> pipes = Binder.get(this.environment)
                .bind("gipc.pipes", Bindable.mapOf(String.class, GipcProperties.Pipe.class))
                .orElse(Map.of());
        pipes.forEach((name, pipe) -> {
            boolean duplex = pipe.isDuplex();
            RootBeanDefinition definition =
                    new RootBeanDefinition(duplex ? io.gipc.DuplexPipe.class : io.gipc.Pipe.class);
            definition.setInstanceSupplier(() -> create(name, duplex));
            definition.setDestroyMethodName(AbstractBeanDefinition.INFER_METHOD);
            registry.registerBeanDefinition(name, definition);
        });
    }

    private AutoCloseable create(String name, boolean duplex) {
        ProcessLauncher launcher = this.beanFactory.getBean(ProcessLauncher.class);
        GipcProperties properties = this.beanFactory.getBean(GipcProperties.class);
        Codec<Object> codec = codec(name, properties);
        DataSize max = properties.getPipes().get(name).getMaxMessageSize();
        int maxBytes = (int) (max != null ? max : properties.getMaxMessageSize()).toBytes();
        return duplex ? launcher.duplexPipe(name, codec, maxBytes) : launcher.pipe(name, codec, maxBytes);
    }

    @SuppressWarnings("unchecked")
    private static Codec<Object> codec(String name, GipcProperties properties) {
        GipcProperties.Pipe pipe = properties.getPipes().get(name);
        Codec<?> codec = switch (pipe.getCodec()) {
            case RAW -> Codec.raw();
            case KRYO -> GipcAutoConfiguration.kryoCodec(properties.getKryo());
        };
        return (Codec<Object>) codec;
    }
}
