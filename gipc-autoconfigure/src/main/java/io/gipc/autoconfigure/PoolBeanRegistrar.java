package io.gipc.autoconfigure;

import io.gipc.ChildOptions;
import io.gipc.ProcessLauncher;
import io.gipc.WorkerPoolOptions;
import java.util.Objects;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.core.type.AnnotationMetadata;

/**
 * Registers an {@link EntryPointPool} bean for every pool declared under {@code gipc.pools.<name>}, named
 * {@code <name>} and created with the {@link ProcessLauncher} bean, so that the launcher's properties, codec and
 * customizers apply to its workers. An entry point that does not exist fails the startup, naming the pool and the
 * known entry points.
 *
 * <p>The pool starts its workers when the bean is created, except in a gipc child (a {@code SPRING} mode child or
 * pool worker, whose environment has {@value ChildApplication#ENTRY_POINT_PROPERTY}), where it would start workers
 * of workers: there it starts on its first call, if any.
 */
final class PoolBeanRegistrar extends DeclaredBeanRegistrar {

    @Override
    public void registerBeanDefinitions(AnnotationMetadata metadata, BeanDefinitionRegistry registry) {
        for (String name : declared("gipc.pools", GipcProperties.Pool.class).keySet()) {
            RootBeanDefinition definition = new RootBeanDefinition(EntryPointPool.class);
            definition.setInstanceSupplier(() -> create(name));
            definition.setDestroyMethodName("close");
            registry.registerBeanDefinition(name, definition);
        }
    }

    private EntryPointPool create(String name) {
        GipcProperties properties = beanFactory().getBean(GipcProperties.class);
        GipcProperties.Pool declared = properties.getPools().get(name);
        String entryPointName = Objects.requireNonNull(declared.getEntryPoint());
        ChildProcessEntryPoints entryPoints = beanFactory().getBean(ChildProcessEntryPoints.class);
        EntryPoint entryPoint = entryPoints.all().get(entryPointName);
        if (entryPoint == null) {
            throw new IllegalStateException("gipc.pools." + name + ".entry-point: pool '" + name
                    + "' runs entry point '" + entryPointName + "', but no @ChildProcess method has that name; known: "
                    + entryPoints.names());
        }
        ChildOptions child = GipcAutoConfiguration.childOptions(properties.getChild())
                .withJvmArguments(declared.getJvmArguments().toArray(String[]::new));
        WorkerPoolOptions options = WorkerPoolOptions.of(declared.getWorkers())
                .withMaxTasksPerWorker(declared.getMaxTasksPerWorker())
                .withTaskTimeout(declared.getTaskTimeout())
                .withChildOptions(child);
        EntryPointPool pool = new EntryPointPool(
                name,
                entryPoint,
                options,
                beanFactory().getBean(ProcessLauncher.class),
                beanFactory().getBeanProvider(ChildApplicationSources.class).getIfAvailable(),
                beanFactory().getBean(GipcRegistry.class),
                properties.getShutdown().getTimeout());
        if (!environment().containsProperty(ChildApplication.ENTRY_POINT_PROPERTY)) {
            pool.start();
        }
        return pool;
    }
}
