package io.gipc.autoconfigure;

import io.gipc.ChildProcess;
import java.lang.reflect.Method;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;
import org.springframework.aop.framework.autoproxy.AutoProxyUtils;
import org.springframework.aop.scope.ScopedProxyUtils;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.core.MethodIntrospector;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.annotation.AnnotationUtils;
import org.springframework.util.ClassUtils;

/**
 * Finds the {@link ChildProcess @ChildProcess} methods on the beans of a context.
 *
 * <p>Discovery reads bean types without creating beans. It runs once the singletons are created, so that a
 * duplicate name or an unsupported signature fails the startup, and earlier when an entry point is started from
 * a bean's initialisation. Thread-safe.
 */
final class ChildProcessEntryPoints implements SmartInitializingSingleton {

    private final ConfigurableListableBeanFactory beanFactory;

    private final ReentrantLock lock = new ReentrantLock();

    private volatile @Nullable Map<String, EntryPoint> entryPoints;

    ChildProcessEntryPoints(ConfigurableListableBeanFactory beanFactory) {
        this.beanFactory = beanFactory;
    }

    @Override
    public void afterSingletonsInstantiated() {
        all();
    }

    /**
     * Returns the entry point with that name.
     *
     * @param name the name
     * @return the entry point
     * @throws IllegalArgumentException when there is none
     */
    EntryPoint get(String name) {
        EntryPoint entryPoint = all().get(name);
        if (entryPoint == null) {
            throw new IllegalArgumentException(
                    "No @ChildProcess entry point named '" + name + "'; known: " + all().keySet());
        }
        return entryPoint;
    }

    Map<String, EntryPoint> all() {
        Map<String, EntryPoint> found = this.entryPoints;
        if (found != null) {
            return found;
        }
        this.lock.lock();
        try {
            if (this.entryPoints == null) {
                this.entryPoints = Collections.unmodifiableMap(discover());
            }
            return this.entryPoints;
        } finally {
            this.lock.unlock();
        }
    }

    private Map<String, EntryPoint> discover() {
        Map<String, EntryPoint> found = new LinkedHashMap<>();
        for (String beanName : this.beanFactory.getBeanNamesForType(Object.class, true, false)) {
            if (ScopedProxyUtils.isScopedTarget(beanName)) {
                continue;
            }
            Class<?> type = targetType(beanName);
            if (type == null || !AnnotationUtils.isCandidateClass(type, ChildProcess.class)) {
                continue;
            }
            Map<Method, ChildProcess> methods =
                    MethodIntrospector.selectMethods(type, (MethodIntrospector.MetadataLookup<ChildProcess>)
                            method -> AnnotatedElementUtils.findMergedAnnotation(method, ChildProcess.class));
            for (Map.Entry<Method, ChildProcess> entry : methods.entrySet()) {
                ChildProcess annotation = entry.getValue();
                EntryPoint entryPoint = new EntryPoint(
                        annotation.value(), annotation.mode(), annotation.essential(), beanName, entry.getKey());
                EntryPoint previous = found.putIfAbsent(entryPoint.name(), entryPoint);
                if (previous != null) {
                    throw new IllegalStateException("Duplicate @ChildProcess name '" + entryPoint.name() + "': "
                            + previous.describe() + " and " + entryPoint.describe()
                            + "; entry point names must be unique");
                }
            }
        }
        return found;
    }

    private @Nullable Class<?> targetType(String beanName) {
        Class<?> type = null;
        if (this.beanFactory.containsBeanDefinition(beanName)) {
            type = AutoProxyUtils.determineTargetClass(this.beanFactory, beanName);
        }
        if (type == null) {
            type = this.beanFactory.getType(beanName, false);
        }
        return (type != null) ? ClassUtils.getUserClass(type) : null;
    }

    Set<String> names() {
        return all().keySet();
    }
}
