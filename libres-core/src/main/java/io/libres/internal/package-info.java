/**
 * Helpers shared by the packages of the core. Not API: anything here may change
 * without notice, so applications and adapters should not depend on it.
 */
package io.libres.internal;
