/**
 * What the kits of the testkit share internally. Not API: it may change in any release.
 */
package io.libres.testkit.internal;
