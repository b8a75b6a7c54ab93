/**
 * The inner workings of the jOOQ adapter: units of work, stores, record mappings and SQL error
 * translation, on the table references jOOQ generates at build time from the schema file of
 * libres-postgres-support ({@code io.libres.jooq.internal.schema}). Not an API: anything here may
 * change without notice.
 */
package io.libres.jooq.internal;
