package io.gipc.autoconfigure;

import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.context.event.ApplicationPreparedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Records, in every {@code SpringApplication}, the sources and active profiles a {@code SPRING} mode child needs
 * to start the same application. Registered in {@code META-INF/spring.factories}, because only an application
 * listener sees the {@code SpringApplication} itself; it does nothing else.
 *
 * <p>The sources are more robust than the main class: under {@code @SpringBootTest} the "main class" is the test
 * class, and a {@code main} method may do more than start the context.
 */
public final class ChildApplicationSourcesRecorder implements ApplicationListener<ApplicationPreparedEvent> {

    @Override
    public void onApplicationEvent(ApplicationPreparedEvent event) {
        ConfigurableApplicationContext context = event.getApplicationContext();
        if (context.getBeanFactory().containsSingleton(ChildApplicationSources.BEAN_NAME)) {
            return;
        }
        List<String> classSources = new ArrayList<>();
        List<String> otherSources = new ArrayList<>();
        for (Object source : event.getSpringApplication().getAllSources()) {
            if (source instanceof Class<?> type) {
                classSources.add(type.getName());
            } else if (source instanceof String text) {
                otherSources.add(text);
            }
        }
        if (classSources.isEmpty() && otherSources.isEmpty()) {
            return;
        }
        ChildApplicationSources sources = new ChildApplicationSources(
                classSources, otherSources, List.of(context.getEnvironment().getActiveProfiles()));
        context.getBeanFactory().registerSingleton(ChildApplicationSources.BEAN_NAME, sources);
    }
}
