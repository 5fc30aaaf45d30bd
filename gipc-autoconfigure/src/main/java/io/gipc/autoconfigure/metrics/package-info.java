/** Micrometer meters for gipc's children and pipes. */
@NullMarked
package io.gipc.autoconfigure.metrics;

import org.jspecify.annotations.NullMarked;
