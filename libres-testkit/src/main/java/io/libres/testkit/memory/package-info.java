/**
 * An in-memory implementation of the storage port, for fast unit tests of code that uses
 * libres.
 *
 * <p>Each unit of work works on the committed state it began on, which it copies at its first
 * write (read-only units of work share it, and the index of it by resource and start that reads
 * of allocations and slots over a span use is built once per committed state); rollback discards
 * the copy. Commits are serialized: a unit of work that wrote something fails at commit with a
 * retryable {@link io.libres.errors.SerializationFailure} if another unit of work committed
 * writes since it began (first committer wins). This is stricter than PostgreSQL's SERIALIZABLE
 * but never weaker, so two threads can never both get the last spot.
 *
 * <p>The storage is never discovered automatically: install it explicitly, so it cannot win over
 * a real adapter by accident.
 */
@NullMarked
package io.libres.testkit.memory;

import org.jspecify.annotations.NullMarked;
