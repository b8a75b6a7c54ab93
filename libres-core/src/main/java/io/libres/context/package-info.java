/**
 * Contexts and their registry: the settings and services libres for Java works
 * with, per consumer.
 *
 * <p>A {@link io.libres.context.Registry} holds named
 * {@link io.libres.context.Context contexts}. Its master context holds the
 * defaults (the {@link io.libres.context.Settings settings} and the
 * {@link io.libres.context.DefaultServices default services}) and is locked;
 * every context registered after it inherits what it does not set itself, so
 * several applications can share one JVM, each with its own context. Each
 * thread has a current context, the master context until it switches.
 *
 * <p>A service is a {@link io.libres.context.ServiceFactory factory} set on a
 * context under a name, optionally cached per context. The ports of
 * {@link io.libres.spi} are services too: when no context sets one explicitly,
 * the context discovers a provider through {@link java.util.ServiceLoader}
 * (see {@link io.libres.context.Context#getService(io.libres.spi.Port)}).
 */
@NullMarked
package io.libres.context;

import org.jspecify.annotations.NullMarked;
