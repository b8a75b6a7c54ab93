/**
 * Read-only query results: what scheduler methods return where libres 1.2 returns a query.
 */
@NullMarked
package io.libres.db.query;

import org.jspecify.annotations.NullMarked;
