package io.gipc.sample.render;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the render service, under {@code sample.render}.
 *
 * @param maxWorkers how many render workers may run at once
 * @param timeout how long a job may take before its worker is killed
 * @param queueTimeout how long a job may wait for a free worker before it is refused
 */
@ConfigurationProperties("sample.render")
public record RenderProperties(int maxWorkers, Duration timeout, Duration queueTimeout) {

    /** Applies the defaults: 2 workers, 30 s per job, 10 s in the queue. */
    public RenderProperties {
        maxWorkers = (maxWorkers > 0) ? maxWorkers : 2;
        timeout = (timeout != null) ? timeout : Duration.ofSeconds(30);
        queueTimeout = (queueTimeout != null) ? queueTimeout : Duration.ofSeconds(10);
    }
}
