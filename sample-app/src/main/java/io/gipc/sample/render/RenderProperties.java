package io.gipc.sample.render;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the render service, under {@code sample.render}. The workers themselves (how many, their time limit)
 * are the {@code render} pool's: {@code gipc.pools.render.*}.
 *
 * @param maxQueued how many jobs may wait for a free worker before new ones are refused
 */
@ConfigurationProperties("sample.render")
public record RenderProperties(int maxQueued) {

    /** Applies the default: 4 jobs in the queue. */
    public RenderProperties {
        maxQueued = (maxQueued > 0) ? maxQueued : 4;
    }
}
