package io.gipc;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a method as a child-process entry point: a function that a launcher runs in a new JVM, started by name.
 *
 * <p>This annotation lives in the Spring-free core so that code declaring entry points needs no Spring type; it
 * is interpreted by gipc's Spring Boot auto-configuration, which discovers annotated methods on the beans of the
 * application context at startup and starts them with {@code GipcProcessLauncher.start(name, args...)}. Discovery
 * fails the application's startup, naming the bean and the method, when two entry points share a name or when a
 * method has an unsupported signature.
 *
 * <p>Binding rules (both modes): the method is not private; it may return a value, which a call through a pool of
 * workers for the entry point ({@code gipc.pools.<name>} in Spring Boot) returns, and which a child started with
 * {@code start(name, args...)} drops (a child has only its exit code). The launch arguments bind to
 * the method's first parameters, in declaration order; each must be assignable to its parameter's type and is
 * Java-serialized into the child. Pipe handles among them ({@link PipeReader}, {@link PipeWriter},
 * {@link DuplexHandle}, {@link Pipe}, {@link DuplexPipe}) move to the child, as for a {@link ChildTask}. Parameters
 * left over are resolved as beans in {@link Mode#SPRING} (by type, honouring qualifiers and the parameter name)
 * and are not allowed in {@link Mode#PLAIN}. A pipe-handle parameter is always bound to a launch argument.
 *
 * <p>Exit codes are those of a {@link ChildTask}: 0 when the method returns, 1 when it throws.
 *
 * <pre>{@code
 * @Component
 * class Thumbnails {
 *     @ChildProcess("thumbnails")
 *     void render(PipeReader<Path> jobs, PipeWriter<Path> done, ImageService images) { ... }
 * }
 * // in the parent:
 * launcher.start("thumbnails", jobs.reader(), done.writer());
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface ChildProcess {

    /**
     * The entry point's name, unique within the application.
     *
     * @return the name, not blank
     */
    String value();

    /**
     * How the child runs the method.
     *
     * @return the mode; {@link Mode#SPRING} by default
     */
    Mode mode() default Mode.SPRING;

    /**
     * Whether the application needs this child to keep running: the {@code gipc} health indicator reports DOWN
     * once an essential child has exited.
     *
     * @return {@code true} for an essential child; {@code false} by default
     */
    boolean essential() default false;

    /** How a child runs an entry point. */
    enum Mode {

        /**
         * The child starts the application's Spring context (same sources, no web server, no
         * {@code ApplicationRunner}/{@code CommandLineRunner}, profile {@code gipc-child} added), then calls the
         * method on the bean; parameters not bound to launch arguments are beans. Costs a Spring Boot startup.
         */
        SPRING,

        /**
         * The child loads no Spring at all: it calls a static method directly, or an instance method on a new
         * instance made with the class's no-arg constructor. Every parameter is bound to a launch argument. Starts
         * as fast as a {@link ChildTask}.
         */
        PLAIN
    }
}
