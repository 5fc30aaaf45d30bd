package io.gipc.autoconfigure;

import io.gipc.ChildTask;
import io.gipc.autoconfigure.PlainEntryPointTask.EntryPointMethods;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.config.DependencyDescriptor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringApplication.AbandonedRunException;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.MethodParameter;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.ClassUtils;

/**
 * Runs a {@code SPRING} mode entry point in the child: starts the parent's application (same sources) without a web
 * server and with the {@code gipc-child} profile, calls the method on its bean once the context has started, then
 * closes the context.
 *
 * <p>The method runs from the {@link ApplicationStartedEvent}, which {@code SpringApplication} publishes after the
 * refresh and before it calls the {@code ApplicationRunner} and {@code CommandLineRunner} beans; the listener then
 * throws {@link AbandonedRunException}, which {@code SpringApplication} treats as a silent end of the run, so the
 * runners are never called in a child.
 */
final class SpringEntryPointTask implements ChildTask {

    /** The profile every {@code SPRING} mode child has active. */
    static final String CHILD_PROFILE = "gipc-child";

    /** Set in a child's environment to the name of the entry point it runs. */
    static final String ENTRY_POINT_PROPERTY = "gipc.child.entry-point";

    private static final long serialVersionUID = 1L;

    private final String entryPoint;

    private final @Nullable String beanName;

    private final String declaringClass;

    private final String methodName;

    private final String[] parameterTypes;

    private final @Nullable Object[] args;

    private final ChildApplicationSources sources;

    SpringEntryPointTask(
            String entryPoint,
            @Nullable String beanName,
            String declaringClass,
            String methodName,
            String[] parameterTypes,
            @Nullable Object[] args,
            ChildApplicationSources sources) {
        this.entryPoint = entryPoint;
        this.beanName = beanName;
        this.declaringClass = declaringClass;
        this.methodName = methodName;
        this.parameterTypes = parameterTypes;
        this.args = args;
        this.sources = sources;
    }

    @Override
    public void run() throws Exception {
        ClassLoader loader = ClassUtils.getDefaultClassLoader();
        List<Class<?>> primarySources = new ArrayList<>();
        for (String name : this.sources.classSources()) {
            primarySources.add(ClassUtils.forName(name, loader));
        }
        SpringApplication application = new SpringApplication(primarySources.toArray(Class<?>[]::new));
        application.getSources().addAll(this.sources.otherSources());
        if (!primarySources.isEmpty()) {
            // Otherwise the stack walk names ChildMain, in the log and wherever the main class matters.
            application.setMainApplicationClass(primarySources.get(0));
        }
        application.setWebApplicationType(WebApplicationType.NONE);
        Set<String> profiles = new LinkedHashSet<>(this.sources.activeProfiles());
        profiles.add(CHILD_PROFILE);
        application.setAdditionalProfiles(profiles.toArray(String[]::new));
        Invocation invocation = new Invocation();
        application.addListeners(new ChildEnvironment(this.entryPoint), invocation);
        ConfigurableApplicationContext context = null;
        try {
            context = application.run();
        } catch (AbandonedRunException ex) {
            context = ex.getApplicationContext();
        } finally {
            if (context != null) {
                context.close();
            }
        }
        if (!invocation.invoked) {
            throw new IllegalStateException("entry point '" + this.entryPoint + "' was not run: the application"
                    + " context started without publishing ApplicationStartedEvent");
        }
        if (invocation.failure != null) {
            throw invocation.failure;
        }
    }

    private void invoke(ConfigurableApplicationContext context) throws Exception {
        Method method = EntryPointMethods.find(
                this.declaringClass, this.methodName, this.parameterTypes, context.getClassLoader());
        Object target = null;
        Method invocable = method;
        if (!Modifier.isStatic(method.getModifiers())) {
            target = context.getBean(this.beanName);
            invocable = AopUtils.selectInvocableMethod(method, target.getClass());
        }
        ConfigurableListableBeanFactory beanFactory = context.getBeanFactory();
        Object[] values = new Object[method.getParameterCount()];
        for (int i = 0; i < values.length; i++) {
            if (i < this.args.length) {
                values[i] = this.args[i];
            } else {
                DependencyDescriptor descriptor = new DependencyDescriptor(new MethodParameter(method, i), true);
                values[i] = beanFactory.resolveDependency(descriptor, this.beanName);
            }
        }
        invocable.setAccessible(true);
        EntryPointMethods.invoke(invocable, target, values);
    }

    @Override
    public String toString() {
        return "@ChildProcess(\"" + this.entryPoint + "\") " + this.declaringClass + "." + this.methodName;
    }

    /** Makes the child's environment a child's: no web server whatever the configuration says. */
    private record ChildEnvironment(String entryPoint)
            implements ApplicationListener<ApplicationEnvironmentPreparedEvent> {

        @Override
        public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
            // Added first, after the configuration files are read and before spring.main.* is bound.
            event.getEnvironment()
                    .getPropertySources()
                    .addFirst(new MapPropertySource(
                            "gipcChild",
                            Map.of("spring.main.web-application-type", "none", ENTRY_POINT_PROPERTY, this.entryPoint)));
        }
    }

    /** Calls the entry point once the context has started, then abandons the run before the runners. */
    private final class Invocation implements ApplicationListener<ApplicationStartedEvent> {

        private boolean invoked;

        private @Nullable Exception failure;

        @Override
        public void onApplicationEvent(ApplicationStartedEvent event) {
            this.invoked = true;
            try {
                invoke(event.getApplicationContext());
            } catch (Exception ex) {
                this.failure = ex;
            }
            throw new AbandonedRunException(event.getApplicationContext());
        }
    }
}
