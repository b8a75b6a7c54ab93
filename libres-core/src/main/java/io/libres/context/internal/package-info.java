/**
 * How contexts do their work: provider discovery and the default services.
 * Not API: anything here may change without notice.
 */
package io.libres.context.internal;
