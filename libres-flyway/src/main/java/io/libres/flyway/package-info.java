/**
 * The libres 1.2 schema as a Flyway migration: {@link io.libres.flyway.LibresFlyway} runs it with
 * a history table of its own, {@link io.libres.flyway.LibresMigration} is the migration itself.
 */
@NullMarked
package io.libres.flyway;

import org.jspecify.annotations.NullMarked;
