package io.gipc.autoconfigure;

import io.gipc.ChildTask;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import org.jspecify.annotations.Nullable;

/**
 * Runs a {@code PLAIN} mode entry point in the child: no Spring class is loaded, so the child starts as fast as a
 * plain {@link ChildTask}.
 *
 * <p>Deliberately free of Spring imports: this class is all the child loads besides the method's own class.
 */
final class PlainEntryPointTask implements ChildTask {

    private static final long serialVersionUID = 1L;

    private final String entryPoint;

    private final String declaringClass;

    private final String methodName;

    private final String[] parameterTypes;

    private final @Nullable Object[] args;

    PlainEntryPointTask(
            String entryPoint,
            String declaringClass,
            String methodName,
            String[] parameterTypes,
            @Nullable Object[] args) {
        this.entryPoint = entryPoint;
        this.declaringClass = declaringClass;
        this.methodName = methodName;
        this.parameterTypes = parameterTypes;
        this.args = args;
    }

    @Override
    public void run() throws Exception {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        if (loader == null) {
            loader = PlainEntryPointTask.class.getClassLoader();
        }
        Method method = EntryPointMethods.find(this.declaringClass, this.methodName, this.parameterTypes, loader);
        method.setAccessible(true);
        Object target = null;
        if (!Modifier.isStatic(method.getModifiers())) {
            Constructor<?> constructor = method.getDeclaringClass().getDeclaredConstructor();
            constructor.setAccessible(true);
            target = constructor.newInstance();
        }
        EntryPointMethods.invoke(method, target, this.args);
    }

    @Override
    public String toString() {
        return "@ChildProcess(\"" + this.entryPoint + "\", mode = PLAIN) " + this.declaringClass + "."
                + this.methodName;
    }

    /** Reflection shared by both modes, kept free of Spring so the plain mode does not load it. */
    static final class EntryPointMethods {

        private EntryPointMethods() {}

        static Method find(String declaringClass, String methodName, String[] parameterTypes, ClassLoader loader)
                throws ReflectiveOperationException {
            Class<?> type = Class.forName(declaringClass, false, loader);
            Class<?>[] types = new Class<?>[parameterTypes.length];
            for (int i = 0; i < types.length; i++) {
                types[i] = load(parameterTypes[i], loader);
            }
            return type.getDeclaredMethod(methodName, types);
        }

        static void invoke(Method method, Object target, Object[] values) throws Exception {
            try {
                method.invoke(target, values);
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
}
