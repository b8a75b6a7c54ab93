/**
 * The storage of libres for Java on PostgreSQL through jOOQ, on the tables of libres 1.2:
 * {@link io.libres.jooq.JooqStorage} (built from a JDBC URL, a {@link javax.sql.DataSource}, or the
 * application's own {@link org.jooq.DSLContext} or {@link org.jooq.Configuration}) and
 * {@link io.libres.jooq.JooqStorageProvider}, which a context discovers when its {@code dsn}
 * setting is set.
 */
@NullMarked
package io.libres.jooq;

import org.jspecify.annotations.NullMarked;
