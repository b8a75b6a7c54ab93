/**
 * The workings of {@link io.libres.testkit.junit.LibresExtension}; not an API, may change
 * without notice.
 */
package io.libres.testkit.junit.internal;
