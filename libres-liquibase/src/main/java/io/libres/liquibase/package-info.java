/**
 * The libres 1.2 schema as a Liquibase changelog ({@link io.libres.liquibase.LibresLiquibase#CHANGELOG}),
 * marked as run where libres 1.2 made the schema already ({@link io.libres.liquibase.LibresSchemaMissing}).
 */
@NullMarked
package io.libres.liquibase;

import org.jspecify.annotations.NullMarked;
