package io.gipc.autoconfigure;

import io.gipc.LauncherConfig;

/**
 * Callback that customizes the {@link LauncherConfig} of the auto-configured launcher, after the {@code gipc.*}
 * properties and the default codec were applied. Customizers run in {@link org.springframework.core.Ordered order}
 * ({@code @Order}, {@code Ordered}); each gets what the previous one returned.
 *
 * <p>A listener set here with {@link LauncherConfig#withListener} is kept: it is told about children and pipes
 * together with the {@link GipcRegistry} and the {@code LauncherListener} beans.
 */
@FunctionalInterface
public interface GipcLauncherCustomizer {

    /**
     * Customizes the launcher's configuration.
     *
     * @param config the configuration so far
     * @return the configuration to use ({@code LauncherConfig} is immutable: return the {@code with...} copy)
     */
    LauncherConfig customize(LauncherConfig config);
}
