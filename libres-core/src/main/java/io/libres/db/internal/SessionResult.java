package io.libres.db.internal;

import io.libres.db.Session;
import io.libres.db.query.QueryResult;
import io.libres.spi.UnitOfWork;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * A query result that asks the store, on each use, in the unit of work open on the thread, or,
 * when none is, in a short read of its own ({@link Session#read}) that has ended, and given back
 * its connection, by the time the call returns. Outside a unit of work a stream is loaded first.
 *
 * <p>Made inside a unit of work, the store's result is made at once (so that its checks, an
 * unknown token for example, fail at the call, as before) and used for as long as that unit of
 * work stays open.
 *
 * @param <T> the type of the records
 */
public final class SessionResult<T> implements QueryResult<T> {

    private final Session session;
    private final Supplier<QueryResult<T>> query;
    private final String description;
    private final UnitOfWork boundTo;
    private final QueryResult<T> bound;

    SessionResult(Session session, String description, Supplier<QueryResult<T>> query, boolean checkNow) {
        this.session = session;
        this.description = description;
        this.query = query;
        Optional<UnitOfWork> open = session.openUnitOfWork();
        this.boundTo = open.orElse(null);
        this.bound = open.isPresent() ? query.get() : null;
        if (open.isEmpty() && checkNow) {
            session.read(() -> query.get().exists());
        }
    }

    /**
     * A result run in the thread's open unit of work, or in a short read of its own.
     *
     * @param <T> the type of the records
     * @param session the session
     * @param description what the records are, for error messages
     * @param query makes the store's result in the unit of work open when it is called
     * @return the result
     */
    public static <T> QueryResult<T> of(Session session, String description, Supplier<QueryResult<T>> query) {
        return new SessionResult<>(session, description, query, false);
    }

    private <R> R run(Function<QueryResult<T>, R> use) {
        Optional<UnitOfWork> open = session.openUnitOfWork();
        if (open.isPresent()) {
            return use.apply(open.get() == boundTo ? bound : query.get());
        }
        return session.read(() -> use.apply(query.get()));
    }

    @Override
    public Stream<T> stream() {
        if (session.openUnitOfWork().isPresent()) {
            return run(QueryResult::stream);
        }
        return run(QueryResult::list).stream();
    }

    @Override
    public List<T> list() {
        return run(QueryResult::list);
    }

    @Override
    public long count() {
        return run(QueryResult::count);
    }

    @Override
    public Optional<T> first() {
        return run(QueryResult::first);
    }

    @Override
    public T one() {
        return run(QueryResult::one);
    }

    @Override
    public boolean exists() {
        return run(QueryResult::exists);
    }

    @Override
    public String describe() {
        return bound != null ? bound.describe() : description;
    }
}
