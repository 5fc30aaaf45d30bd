/** Micrometer meters for gipc's children, pipes and worker pools. */
@NullMarked
package io.gipc.autoconfigure.metrics;

import org.jspecify.annotations.NullMarked;
