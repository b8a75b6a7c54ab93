package io.libres.db.query;

import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Stream;

/** A query result that asks a supplier for a fresh stream each time. */
final class StreamedResult<T> implements QueryResult<T> {

    private final String description;
    private final Supplier<Stream<T>> records;

    StreamedResult(String description, Supplier<Stream<T>> records) {
        this.description = description;
        this.records = records;
    }

    @Override
    public Stream<T> stream() {
        return records.get();
    }

    @Override
    public long count() {
        try (Stream<T> all = records.get()) {
            return all.count();
        }
    }

    @Override
    public Optional<T> first() {
        try (Stream<T> all = records.get()) {
            return all.findFirst();
        }
    }

    @Override
    public String describe() {
        return description;
    }
}
