package io.gipc.autoconfigure;

import io.gipc.Codec;
import io.gipc.ProcessLauncher;
import java.util.Map;
import org.springframework.beans.factory.support.AbstractBeanDefinition;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.core.type.AnnotationMetadata;
import org.springframework.util.unit.DataSize;

/**
 * Registers a bean for every pipe declared under {@code gipc.pipes.<name>}: a {@code Pipe} (or a {@code DuplexPipe}
 * when {@code duplex} is set) named {@code <name>}, created by the {@link ProcessLauncher} bean with that name, so
 * that its metrics carry it. The context closes the pipe (every end still held in this process) when it closes.
 */
final class PipeBeanRegistrar extends DeclaredBeanRegistrar {

    @Override
    public void registerBeanDefinitions(AnnotationMetadata metadata, BeanDefinitionRegistry registry) {
        Map<String, GipcProperties.Pipe> pipes = declared("gipc.pipes", GipcProperties.Pipe.class);
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
        ProcessLauncher launcher = beanFactory().getBean(ProcessLauncher.class);
        GipcProperties properties = beanFactory().getBean(GipcProperties.class);
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
