package io.libres.db.query;

import io.libres.errors.MultipleResultsFound;
import io.libres.errors.NoResultFound;

import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A read-only result of a query that is run when asked: listed, streamed, counted, or asked for
 * its single or first record, each loading no more than it needs.
 *
 * <p>A result is bound to the unit of work it was created in; use it before that unit of work is
 * committed, rolled back or closed. Each call runs the query again, so it sees the unit of work's
 * latest writes.
 *
 * @param <T> the type of the records
 */
public interface QueryResult<T> {

    /**
     * Streams the records in the query's order.
     *
     * @return the records; close the stream if the storage needs it (SQL storages do)
     */
    Stream<T> stream();

    /**
     * Counts the records without loading them.
     *
     * @return the number of records
     */
    long count();

    /**
     * The first record, loading at most one.
     *
     * @return the first record, empty if there is none
     */
    Optional<T> first();

    /**
     * Loads every record.
     *
     * @return an unmodifiable list of the records in the query's order
     */
    default List<T> list() {
        try (Stream<T> records = stream()) {
            return records.collect(Collectors.toUnmodifiableList());
        }
    }

    /**
     * The only record, loading at most two.
     *
     * @return the record
     * @throws NoResultFound if there is no record
     * @throws MultipleResultsFound if there is more than one
     */
    default T one() {
        List<T> two;
        try (Stream<T> records = stream()) {
            two = records.limit(2).collect(Collectors.toList());
        }
        if (two.isEmpty()) {
            throw new NoResultFound("expected exactly one " + describe() + ", found none");
        }
        if (two.size() > 1) {
            throw new MultipleResultsFound("expected exactly one " + describe() + ", found several");
        }
        return two.get(0);
    }

    /**
     * Tells whether any record matches, loading at most one.
     *
     * @return true if there is at least one record
     */
    default boolean exists() {
        return first().isPresent();
    }

    /**
     * What the query looks for, for error messages.
     *
     * @return a short description, for example "allocation with id 4"
     */
    default String describe() {
        return "record";
    }

    /**
     * A result over records already in memory.
     *
     * @param <T> the type of the records
     * @param description what the records are, for error messages
     * @param records the records, in order
     * @return the result
     */
    static <T> QueryResult<T> of(String description, List<T> records) {
        List<T> copy = List.copyOf(records);
        return of(description, copy::stream);
    }

    /**
     * A result that streams records from a supplier each time it is asked; count, first and one
     * are derived from the stream.
     *
     * @param <T> the type of the records
     * @param description what the records are, for error messages
     * @param records supplies a fresh stream of the records, in order
     * @return the result
     */
    static <T> QueryResult<T> of(String description, Supplier<Stream<T>> records) {
        return new StreamedResult<>(description, records);
    }
}
