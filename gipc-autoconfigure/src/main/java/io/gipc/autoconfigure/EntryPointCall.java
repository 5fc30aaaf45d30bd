package io.gipc.autoconfigure;

import java.io.Serializable;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import org.jspecify.annotations.Nullable;

/**
 * One call of an entry point, as it travels to a child or a pool worker: which method (by names, so that the child
 * resolves it with its own class loader), on which bean, with which launch arguments.
 *
 * <p>Deliberately free of Spring imports: in {@code PLAIN} mode this class is all the child loads besides the
 * method's own class.
 */
final class EntryPointCall implements Serializable {

    private static final long serialVersionUID = 1L;

    private final String entryPoint;

    private final @Nullable String beanName;

    private final String declaringClass;

    private final String methodName;

    private final String[] parameterTypes;

    private final @Nullable Object[] args;

    /**
     * Describes a call.
     *
     * @param entryPoint the entry point's name
     * @param beanName the bean to call the method on in {@code SPRING} mode, {@code null} for a static method
     * @param method the method
     * @param args the launch arguments, already checked against the method's parameters
     */
    EntryPointCall(String entryPoint, @Nullable String beanName, Method method, @Nullable Object[] args) {
        this.entryPoint = entryPoint;
        this.beanName = beanName;
        this.declaringClass = method.getDeclaringClass().getName();
        this.methodName = method.getName();
        Class<?>[] types = method.getParameterTypes();
        this.parameterTypes = new String[types.length];
        for (int i = 0; i < types.length; i++) {
            this.parameterTypes[i] = types[i].getName();
        }
        this.args = args;
    }

    String entryPoint() {
        return this.entryPoint;
    }

    @Nullable
    String beanName() {
        return this.beanName;
    }

    @Nullable
    Object[] args() {
        return this.args;
    }

    /**
     * Finds the method with this loader.
     *
     * @param loader the class loader of the child
     * @return the method
     * @throws ReflectiveOperationException when a class or the method is missing
     */
    Method resolve(ClassLoader loader) throws ReflectiveOperationException {
        Class<?> type = Class.forName(this.declaringClass, false, loader);
        Class<?>[] types = new Class<?>[this.parameterTypes.length];
        for (int i = 0; i < types.length; i++) {
            types[i] = load(this.parameterTypes[i], loader);
        }
        return type.getDeclaredMethod(this.methodName, types);
    }

    /**
     * Calls the method without Spring: a static method directly, an instance method on a new instance made with the
     * class's no-arg constructor.
     *
     * @return what the method returned ({@code null} for {@code void})
     * @throws Exception what the method threw, unwrapped
     */
    @Nullable
    Object invokePlain() throws Exception {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        if (loader == null) {
            loader = EntryPointCall.class.getClassLoader();
        }
        Method method = resolve(loader);
        method.setAccessible(true);
        Object target = null;
        if (!Modifier.isStatic(method.getModifiers())) {
            Constructor<?> constructor = method.getDeclaringClass().getDeclaredConstructor();
            constructor.setAccessible(true);
            target = constructor.newInstance();
        }
        return invoke(method, target, this.args);
    }

    /**
     * Calls a method and unwraps what it threw.
     *
     * @param method the method, accessible
     * @param target the instance, {@code null} for a static method
     * @param values the arguments
     * @return what the method returned
     * @throws Exception what the method threw
     */
    static @Nullable Object invoke(Method method, @Nullable Object target, @Nullable Object[] values) throws Exception {
        try {
            return method.invoke(target, values);
        } catch (InvocationTargetException ex) {
            Throwable cause = ex.getCause();
            if (cause instanceof Exception exception) {
                throw exception;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw ex;
        }
    }

    /**
     * Describes the call for messages and task labels.
     *
     * @param plain whether to say that it runs in {@code PLAIN} mode
     * @return {@code @ChildProcess("name") com.example.Type.method}
     */
    String describe(boolean plain) {
        return "@ChildProcess(\"" + this.entryPoint + "\"" + (plain ? ", mode = PLAIN" : "") + ") "
                + this.declaringClass + "." + this.methodName;
    }

    @Override
    public String toString() {
        return describe(false);
    }

    private static Class<?> load(String name, ClassLoader loader) throws ClassNotFoundException {
        return switch (name) {
            case "boolean" -> boolean.class;
            case "byte" -> byte.class;
            case "char" -> char.class;
            case "short" -> short.class;
            case "int" -> int.class;
            case "long" -> long.class;
            case "float" -> float.class;
            case "double" -> double.class;
            default -> Class.forName(name, false, loader);
        };
    }
}
