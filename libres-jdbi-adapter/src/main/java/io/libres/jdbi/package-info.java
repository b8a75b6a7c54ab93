/**
 * The storage of libres for Java on PostgreSQL through JDBI 3, on the tables of libres 1.2:
 * {@link io.libres.jdbi.JdbiStorage} (built from a JDBC URL, a {@link javax.sql.DataSource} or a
 * {@link org.jdbi.v3.core.Jdbi}) and {@link io.libres.jdbi.JdbiStorageProvider}, which a context
 * discovers when its {@code dsn} setting is set.
 */
@NullMarked
package io.libres.jdbi;

import org.jspecify.annotations.NullMarked;
