package io.gipc.autoconfigure;

import io.gipc.ChildOptions;
import io.gipc.ProcessLauncher;
import io.gipc.WorkerPoolOptions;
import java.util.Map;
import java.util.Objects;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.BeanFactoryAware;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.EnvironmentAware;
import org.springframework.context.annotation.ImportBeanDefinitionRegistrar;
import org.springframework.core.env.Environment;
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
final class PoolBeanRegistrar implements ImportBeanDefinitionRegistrar, EnvironmentAware, BeanFactoryAware {

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
        Map<String, GipcProperties.Pool> pools = Binder.get(this.environment)
                .bind("gipc.pools", Bindable.mapOf(String.class, GipcProperties.Pool.class))
                .orElse(Map.of());
        for (String name : pools.keySet()) {
            RootBeanDefinition definition = new RootBeanDefinition(EntryPointPool.class);
            definition.setInstanceSupplier(() -> create(name));
            definition.setDestroyMethodName("close");
            registry.registerBeanDefinition(name, definition);
        }
    }

    private EntryPointPool create(String name) {
        GipcProperties properties = this.beanFactory.getBean(GipcProperties.class);
        GipcProperties.Pool declared = properties.getPools().get(name);
        String entryPointName = Objects.requireNonNull(declared.getEntryPoint());
        ChildProcessEntryPoints entryPoints = this.beanFactory.getBean(ChildProcessEntryPoints.class);
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
                this.beanFactory.getBean(ProcessLauncher.class),
                this.beanFactory.getBeanProvider(ChildApplicationSources.class).getIfAvailable(),
                this.beanFactory.getBean(GipcRegistry.class),
                properties.getShutdown().getTimeout());
        if (!this.environment.containsProperty(ChildApplication.ENTRY_POINT_PROPERTY)) {
            pool.start();
        }
        return pool;
    }
}
