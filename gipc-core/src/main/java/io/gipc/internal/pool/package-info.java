/**
 * Worker pools: the parent's queue and dispatchers ({@code WorkerPoolImpl}, {@code Slot}, {@code Worker}) and the
 * loop each worker JVM runs ({@code WorkerLoop}), talking over one raw duplex pipe per worker ({@code Envelope}).
 */
package io.gipc.internal.pool;
