package io.gipc.autoconfigure;

import java.util.Map;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.BeanFactoryAware;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.EnvironmentAware;
import org.springframework.context.annotation.ImportBeanDefinitionRegistrar;
import org.springframework.core.env.Environment;

/**
 * Base of the registrars that turn a map of declarations in the configuration ({@code gipc.pipes},
 * {@code gipc.pools}) into beans named by their keys: binds the map before the bean definitions are read, and keeps
 * the bean factory that creates the beans later.
 */
abstract class DeclaredBeanRegistrar implements ImportBeanDefinitionRegistrar, EnvironmentAware, BeanFactoryAware {

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

    final Environment environment() {
        return this.environment;
    }

    final BeanFactory beanFactory() {
        return this.beanFactory;
    }

    /** Binds the declarations under {@code prefix}, keyed by bean name; none when there are none. */
    final <T> Map<String, T> declared(String prefix, Class<T> type) {
        return Binder.get(this.environment)
                .bind(prefix, Bindable.mapOf(String.class, type))
                .orElse(Map.of());
    }
}
