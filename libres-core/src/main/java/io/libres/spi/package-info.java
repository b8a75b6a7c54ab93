/**
 * The ports of libres for Java: the interfaces an adapter implements, and the
 * provider interfaces it announces through {@link java.util.ServiceLoader}.
 *
 * <p>Everything here is public API for adapter authors; the rest of the core
 * is API for applications.
 */
package io.libres.spi;
