/**
 * The inner workings of the JDBI adapter: units of work, stores, row mappings and SQL error
 * translation. Not an API: anything here may change without notice.
 */
package io.libres.jdbi.internal;
