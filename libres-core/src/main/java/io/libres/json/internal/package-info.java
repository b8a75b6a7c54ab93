/**
 * The inner workings of {@link io.libres.json}: checking, walking and describing value trees.
 * Not API; may change in any release.
 */
package io.libres.json.internal;
