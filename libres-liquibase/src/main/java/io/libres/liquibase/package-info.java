/**
 * The libres 1.2 schema as a Liquibase changelog ({@link io.libres.liquibase.LibresLiquibase#CHANGELOG}),
 * marked as run where libres 1.2 made the schema already ({@link io.libres.liquibase.LibresSchemaMissing}).
 */
package io.libres.liquibase;
