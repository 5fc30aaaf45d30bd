package io.gipc.internal.launch;

/**
 * The training run of the children's AOT cache ({@link AotCache}): does once, in a JVM started with
 * {@code -XX:AOTCacheOutput}, what a child does before and around its task's first messages, so that the cache
 * holds those classes loaded and linked, with their profiles: the child's warm-up and the pooled child's deeper one
 * ({@link ChildWarmUp#deep()}: pipes through the default and the raw codec, the message shapes users send most).
 */
final class AotTraining {

    private AotTraining() {}

    public static void main(String[] args) {
        ChildWarmUp.run();
        ChildWarmUp.deep();
    }
}
