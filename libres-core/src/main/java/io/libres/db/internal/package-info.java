/**
 * The scheduler's machinery behind its facade; not API, may change without notice.
 */
package io.libres.db.internal;
