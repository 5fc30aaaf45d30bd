package io.gipc.autoconfigure;

import io.gipc.ChildCallable;
import io.gipc.ChildProcess;
import io.gipc.ChildProcess.Mode;
import io.gipc.ChildTask;
import io.gipc.DuplexHandle;
import io.gipc.DuplexPipe;
import io.gipc.GipcException;
import io.gipc.Pipe;
import io.gipc.PipeReader;
import io.gipc.PipeWriter;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.util.ClassUtils;

/**
 * A discovered {@link ChildProcess @ChildProcess} method: its validated signature and how to turn a call into a
 * {@link ChildTask}.
 *
 * @param name the entry point's name
 * @param mode how the child runs it
 * @param essential whether the application needs the child to keep running
 * @param beanName the bean on whose class the method was found
 * @param method the method
 */
record EntryPoint(String name, Mode mode, boolean essential, String beanName, Method method) {

    private static final List<Class<?>> HANDLE_TYPES =
            List.of(PipeReader.class, PipeWriter.class, DuplexHandle.class, Pipe.class, DuplexPipe.class);

    /**
     * Validates the method's signature.
     *
     * @throws IllegalStateException naming the bean and the method when the signature is not supported
     */
    EntryPoint {
        if (name.isBlank()) {
            throw unsupported(name, beanName, method, "its name must not be blank");
        }
        if (Modifier.isPrivate(method.getModifiers())) {
            throw unsupported(name, beanName, method, "it must not be private");
        }
        if (mode == Mode.PLAIN && !Modifier.isStatic(method.getModifiers())) {
            Class<?> type = method.getDeclaringClass();
            if (Modifier.isAbstract(type.getModifiers()) || !hasNoArgConstructor(type)) {
                throw unsupported(
                        name,
                        beanName,
                        method,
                        "in PLAIN mode it must be static, or " + type.getName()
                                + " must be a concrete class with a no-arg constructor");
            }
        }
    }

    /** Describes the method for messages: {@code bean 'worker' method Worker.run(PipeReader, Service)}. */
    String describe() {
        return "bean '" + this.beanName + "' method " + describe(this.method);
    }

    static String describe(Method method) {
        return method.getDeclaringClass().getSimpleName() + "." + method.getName()
                + Arrays.stream(method.getParameterTypes())
                        .map(Class::getSimpleName)
                        .collect(Collectors.joining(", ", "(", ")"));
    }

    /**
     * Checks launch arguments against the signature and builds the task that runs the method in a child; what the
     * method returns is dropped.
     *
     * @param args the launch arguments
     * @param sources the application's sources, needed in {@link Mode#SPRING}
     * @return the task
     * @throws IllegalArgumentException when the arguments do not fit the method
     * @throws GipcException in {@link Mode#SPRING} when no {@code SpringApplication} started this context
     */
    ChildTask task(@Nullable Object[] args, @Nullable ChildApplicationSources sources) {
        EntryPointCall call = call(args);
        return (this.mode == Mode.PLAIN)
                ? new PlainEntryPointTask(call)
                : new SpringEntryPointTask(call, requireSources(sources));
    }

    /**
     * Checks launch arguments against the signature and builds the pool task that runs the method in a worker and
     * returns its value.
     *
     * @param args the launch arguments
     * @param sources the application's sources, needed in {@link Mode#SPRING}
     * @return the task
     * @throws IllegalArgumentException when the arguments do not fit the method
     * @throws GipcException in {@link Mode#SPRING} when no {@code SpringApplication} started this context
     */
    ChildCallable<@Nullable Object> poolTask(@Nullable Object[] args, @Nullable ChildApplicationSources sources) {
        EntryPointCall call = call(args);
        return (this.mode == Mode.PLAIN) ? new PlainPoolCall(call) : new SpringPoolCall(call, requireSources(sources));
    }

    /**
     * Returns the warm-up of a pool's workers: in {@link Mode#SPRING} it starts the worker's context.
     *
     * @param sources the application's sources, needed in {@link Mode#SPRING}
     * @return the warm-up, or {@code null} in {@link Mode#PLAIN}
     * @throws GipcException in {@link Mode#SPRING} when no {@code SpringApplication} started this context
     */
    @Nullable
    ChildCallable<@Nullable Object> poolWarmUp(@Nullable ChildApplicationSources sources) {
        return (this.mode == Mode.PLAIN) ? null : new SpringPoolCall.WarmUp(requireSources(sources), this.name);
    }

    private EntryPointCall call(@Nullable Object[] args) {
        bind(args);
        return new EntryPointCall(
                this.name, Modifier.isStatic(this.method.getModifiers()) ? null : this.beanName, this.method, args);
    }

    private ChildApplicationSources requireSources(@Nullable ChildApplicationSources sources) {
        if (sources == null) {
            throw new GipcException("entry point '" + this.name + "' (" + describe()
                    + ") runs in SPRING mode, but no SpringApplication started this context, so the child"
                    + " cannot start the same application: start it with SpringApplication or use"
                    + " @ChildProcess(mode = PLAIN)");
        }
        return sources;
    }

    private void bind(@Nullable Object[] args) {
        Parameter[] parameters = this.method.getParameters();
        if (args.length > parameters.length || (this.mode == Mode.PLAIN && args.length != parameters.length)) {
            throw new IllegalArgumentException("entry point '" + this.name + "' (" + describe() + ") takes "
                    + ((this.mode == Mode.PLAIN) ? "exactly " : "at most ") + parameters.length
                    + " launch argument(s), got " + args.length);
        }
        for (int i = 0; i < args.length; i++) {
            Class<?> type = parameters[i].getType();
            boolean fits = (args[i] == null) ? !type.isPrimitive() : ClassUtils.isAssignableValue(type, args[i]);
            if (!fits) {
                throw new IllegalArgumentException("entry point '" + this.name + "' (" + describe()
                        + "): launch argument " + i + " ("
                        + ((args[i] != null) ? args[i].getClass().getName() : "null")
                        + ") does not fit parameter '" + parameters[i].getName() + "' of type "
                        + type.getName());
            }
        }
        for (int i = args.length; i < parameters.length; i++) {
            if (isHandleType(parameters[i].getType())) {
                throw new IllegalArgumentException("entry point '" + this.name + "' (" + describe()
                        + "): parameter '" + parameters[i].getName() + "' is a pipe handle ("
                        + parameters[i].getType().getSimpleName() + "): pass it as launch argument " + i);
            }
        }
    }

    static boolean isHandleType(Class<?> type) {
        return HANDLE_TYPES.stream().anyMatch(handle -> handle.isAssignableFrom(type));
    }

    private static boolean hasNoArgConstructor(Class<?> type) {
        try {
            type.getDeclaredConstructor();
            return type.getEnclosingClass() == null || Modifier.isStatic(type.getModifiers());
        } catch (NoSuchMethodException ex) {
            return false;
        }
    }

    private static IllegalStateException unsupported(String name, String beanName, Method method, String reason) {
        return new IllegalStateException("Unsupported @ChildProcess(\"" + name + "\") on bean '" + beanName
                + "' method " + describe(method) + ": " + reason);
    }
}
