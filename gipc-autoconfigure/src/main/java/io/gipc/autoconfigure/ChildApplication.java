package io.gipc.autoconfigure;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
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
 * The parent's application, started again in a {@code SPRING} mode child or pool worker: same sources, no web
 * server, the parent's active profiles plus {@code gipc-child}, and no runners.
 *
 * <p>Runners are skipped by ending the run from the {@link ApplicationStartedEvent}, which {@code SpringApplication}
 * publishes after the refresh and before it calls the {@code ApplicationRunner} and {@code CommandLineRunner} beans:
 * the listener throws {@link AbandonedRunException}, which {@code SpringApplication} treats as a silent end of the
 * run. The context stays open (and registered with Spring Boot's shutdown hook) until its owner closes it.
 */
final class ChildApplication {

    /** The profile every {@code SPRING} mode child has active. */
    static final String CHILD_PROFILE = "gipc-child";

    /** Set in a child's environment to the name of the entry point it runs. */
    static final String ENTRY_POINT_PROPERTY = "gipc.child.entry-point";

    private ChildApplication() {}

    /** Told once the context has started, before the runners would be. */
    @FunctionalInterface
    interface StartedCallback {
        void started(ConfigurableApplicationContext context) throws Exception;
    }

    /**
     * Starts the application and calls {@code onStarted} with its context.
     *
     * @param sources the parent's sources and profiles
     * @param entryPoint the entry point the child runs, set as {@value #ENTRY_POINT_PROPERTY}
     * @param onStarted told once the context has started
     * @return the started context, open
     * @throws Exception what {@code onStarted} threw (the context is then closed), or why the context did not start
     */
    static ConfigurableApplicationContext start(
            ChildApplicationSources sources, String entryPoint, StartedCallback onStarted) throws Exception {
        ClassLoader loader = ClassUtils.getDefaultClassLoader();
        List<Class<?>> primarySources = new ArrayList<>();
        for (String name : sources.classSources()) {
            primarySources.add(ClassUtils.forName(name, loader));
        }
        SpringApplication application = new SpringApplication(primarySources.toArray(Class<?>[]::new));
        application.getSources().addAll(sources.otherSources());
        if (!primarySources.isEmpty()) {
            // Otherwise the stack walk names ChildMain, in the log and wherever the main class matters.
            application.setMainApplicationClass(primarySources.get(0));
        }
        application.setWebApplicationType(WebApplicationType.NONE);
        Set<String> profiles = new LinkedHashSet<>(sources.activeProfiles());
        profiles.add(CHILD_PROFILE);
        application.setAdditionalProfiles(profiles.toArray(String[]::new));
        Started started = new Started(onStarted);
        application.addListeners(new ChildEnvironment(entryPoint), started);
        ConfigurableApplicationContext context;
        try {
            context = application.run();
        } catch (AbandonedRunException ex) {
            context = ex.getApplicationContext();
        }
        if (context == null || started.failure != null || !started.called) {
            if (context != null) {
                context.close();
            }
            if (started.failure != null) {
                throw started.failure;
            }
            throw new IllegalStateException("entry point '" + entryPoint + "' was not run: the application"
                    + " context started without publishing ApplicationStartedEvent");
        }
        return context;
    }

    /**
     * Calls the entry point on its bean in {@code context}; parameters after the launch arguments are resolved as
     * beans, like the parameters of a {@code @Bean} method.
     *
     * @param context the child's context
     * @param call the call
     * @return what the method returned ({@code null} for {@code void})
     * @throws Exception what the method threw, unwrapped
     */
    static @Nullable Object invoke(ConfigurableApplicationContext context, EntryPointCall call) throws Exception {
        Method method = call.resolve(Objects.requireNonNull(context.getClassLoader()));
        String beanName = call.beanName();
        Object target = null;
        Method invocable = method;
        if (!Modifier.isStatic(method.getModifiers()) && beanName != null) {
            target = context.getBean(beanName);
            invocable = AopUtils.selectInvocableMethod(method, target.getClass());
        }
        ConfigurableListableBeanFactory beanFactory = context.getBeanFactory();
        @Nullable Object[] args = call.args();
        @Nullable Object[] values = new Object[method.getParameterCount()];
        for (int i = 0; i < values.length; i++) {
            if (i < args.length) {
                values[i] = args[i];
            } else {
                DependencyDescriptor descriptor = new DependencyDescriptor(new MethodParameter(method, i), true);
                values[i] = beanFactory.resolveDependency(descriptor, beanName);
            }
        }
        invocable.setAccessible(true);
        return EntryPointCall.invoke(invocable, target, values);
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

    /** Calls back once the context has started, then abandons the run before the runners. */
    private static final class Started implements ApplicationListener<ApplicationStartedEvent> {

        private final StartedCallback callback;

        private boolean called;

        private @Nullable Exception failure;

        Started(StartedCallback callback) {
            this.callback = callback;
        }

        @Override
        public void onApplicationEvent(ApplicationStartedEvent event) {
            this.called = true;
            try {
                this.callback.started(event.getApplicationContext());
            } catch (Exception ex) {
                this.failure = ex;
            }
            throw new AbandonedRunException(event.getApplicationContext());
        }
    }
}
