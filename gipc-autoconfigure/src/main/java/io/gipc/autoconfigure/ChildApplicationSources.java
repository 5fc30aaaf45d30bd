package io.gipc.autoconfigure;

import java.io.Serializable;
import java.util.List;

/**
 * What a {@code SPRING} mode child needs to start the same application as its parent: the sources of the parent's
 * {@code SpringApplication} and the profiles active in the parent.
 *
 * <p>Recorded in the parent by {@link ChildApplicationSourcesRecorder}, before the context is refreshed.
 *
 * @param classSources names of the classes among the sources (the primary sources first)
 * @param otherSources the other sources (package names, XML resources)
 * @param activeProfiles the profiles active in the parent
 */
record ChildApplicationSources(List<String> classSources, List<String> otherSources, List<String> activeProfiles)
        implements Serializable {

    /** The name of the singleton that holds the parent's sources. */
    static final String BEAN_NAME = "io.gipc.autoconfigure.childApplicationSources";

    ChildApplicationSources {
        classSources = List.copyOf(classSources);
        otherSources = List.copyOf(otherSources);
        activeProfiles = List.copyOf(activeProfiles);
    }
}
