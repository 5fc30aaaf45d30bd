package io.gipc.autoconfigure.pools;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** A small web application whose entry points run in worker pools, for {@link GipcPoolIntegrationTests}. */
@SpringBootApplication
public class PoolTestApplication {}
