package io.libres.jdbi.internal;

import io.libres.db.query.QueryResult;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.Query;

import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A query result run on the unit of work's connection each time it is asked: the rows by one
 * SELECT, the count by {@code SELECT count(*)}, the first row with {@code LIMIT 1}.
 *
 * @param <T> the type of the records
 */
final class SqlResult<T> implements QueryResult<T> {

    private final JdbiUnitOfWork work;
    private final String description;
    private final String columns;
    private final String from;
    private final Where where;
    private final String orderBy;
    private final RowMapper<T> mapper;

    SqlResult(JdbiUnitOfWork work, String description, String columns, String from, Where where, String orderBy,
            RowMapper<T> mapper) {
        this.work = work;
        this.description = description;
        this.columns = columns;
        this.from = from;
        this.where = where;
        this.orderBy = orderBy;
        this.mapper = mapper;
    }

    /** Rows a stream fetches per round trip: a large answer is never all in memory at once. */
    static final int FETCH_SIZE = 500;

    @Override
    public Stream<T> stream() {
        String doing = "reading " + description;
        // a cursor of the unit of work's transaction (pgJDBC fetches in batches only outside auto-commit)
        Stream<T> rows = Errors.translating(doing, () -> query("SELECT " + columns + " FROM " + from + where.sql()
                + " ORDER BY " + orderBy).setFetchSize(FETCH_SIZE).map(mapper).stream());
        // a failure while fetching the next batch is translated like one of the first
        return io.libres.postgres.TranslatedCursor.of(rows, step -> Errors.translating(doing, step));
    }

    @Override
    public List<T> list() {
        // QueryResult promises an unmodifiable list
        return Collections.unmodifiableList(Errors.translating("reading " + description, () -> query("SELECT "
                + columns + " FROM " + from + where.sql() + " ORDER BY " + orderBy).map(mapper).list()));
    }

    @Override
    public long count() {
        return Errors.translating("counting " + description, () -> query("SELECT count(*) FROM " + from + where.sql())
                .mapTo(Long.class).one());
    }

    @Override
    public Optional<T> first() {
        return Errors.translating("reading " + description, () -> query("SELECT " + columns + " FROM " + from
                + where.sql() + " ORDER BY " + orderBy + " LIMIT 1").map(mapper).findFirst());
    }

    @Override
    public boolean exists() {
        return Errors.translating("reading " + description, () -> query("SELECT EXISTS (SELECT 1 FROM " + from
                + where.sql() + ")").mapTo(Boolean.class).one());
    }

    @Override
    public String describe() {
        return description;
    }

    private Query query(String sql) {
        return where.bindTo(work.handle().createQuery(sql));
    }
}
