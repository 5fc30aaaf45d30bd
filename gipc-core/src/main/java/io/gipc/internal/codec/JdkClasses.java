package io.gipc.internal.codec;

/** Tells JDK classes (those of the boot and platform class loaders) from application classes. */
final class JdkClasses {

    private static final ClassLoader PLATFORM = ClassLoader.getPlatformClassLoader();

    private JdkClasses() {}

    static boolean isJdk(Class<?> type) {
        ClassLoader loader = type.getClassLoader();
        return loader == null || loader == PLATFORM;
    }
}
