package io.libres.jooq.internal;

import io.libres.db.query.QueryResult;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.OrderField;
import org.jooq.Record;
import org.jooq.RecordMapper;
import org.jooq.SelectFieldOrAsterisk;
import org.jooq.Table;

import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A query result asked of the unit of work's connection each time: the rows by one SELECT, the
 * count by {@code SELECT count(*)}, the first row with {@code LIMIT 1}, existence by
 * {@code SELECT EXISTS}.
 *
 * @param <T> the type of the records
 */
final class JooqResult<T> implements QueryResult<T> {

    private final JooqUnitOfWork work;
    private final String description;
    private final List<? extends SelectFieldOrAsterisk> columns;
    private final Table<?> from;
    private final Condition where;
    private final List<? extends OrderField<?>> orderBy;
    private final RecordMapper<Record, T> mapper;

    JooqResult(JooqUnitOfWork work, String description, List<? extends SelectFieldOrAsterisk> columns,
            Table<?> from, Condition where, List<? extends OrderField<?>> orderBy, RecordMapper<Record, T> mapper) {
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
        // a lazy cursor of the unit of work's transaction (pgJDBC fetches in batches only outside auto-commit)
        Stream<T> rows = Errors.translating(doing, () -> dsl().select(columns).from(from).where(where)
                .orderBy(orderBy).fetchSize(FETCH_SIZE).fetchStream().map(mapper::map));
        // a failure while fetching the next batch is translated like one of the first
        return io.libres.postgres.TranslatedCursor.of(rows, step -> Errors.translating(doing, step));
    }

    @Override
    public List<T> list() {
        // QueryResult promises an unmodifiable list
        return Collections.unmodifiableList(Errors.translating("reading " + description, () -> dsl()
                .select(columns).from(from).where(where).orderBy(orderBy).fetch(mapper)));
    }

    @Override
    public long count() {
        return Errors.translating("counting " + description, () -> dsl().fetchCount(from, where));
    }

    @Override
    public Optional<T> first() {
        return Errors.translating("reading " + description, () -> dsl()
                .select(columns).from(from).where(where).orderBy(orderBy).limit(org.jooq.impl.DSL.inline(1)).fetchOptional(mapper));
    }

    @Override
    public boolean exists() {
        return Errors.translating("reading " + description, () -> dsl().fetchExists(from, where));
    }

    @Override
    public String describe() {
        return description;
    }

    private DSLContext dsl() {
        return work.dsl();
    }
}
