package io.libres.postgres;

import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * A stream over a database cursor whose every step runs through the adapter's error translation:
 * a cursor fetches its rows in batches while the stream is consumed, so a failure can surface at
 * any step, not only when the query is sent. Closing the stream closes the cursor. Not
 * thread-safe, like the unit of work whose transaction the cursor lives in.
 */
public final class TranslatedCursor {

    private TranslatedCursor() {
    }

    /**
     * Wraps the rows of an open cursor so that each step of it is translated as the first was.
     *
     * @param rows the cursor's rows, ordered, without nulls
     * @param translating runs one step and translates what it throws, for example
     *     {@code step -> Errors.translating(doing, step)}
     * @param <T> the model of a row
     * @return the rows, closing the cursor when closed
     */
    public static <T> Stream<T> of(Stream<T> rows, Function<Supplier<Boolean>, Boolean> translating) {
        Spliterator<T> source = rows.spliterator();
        Spliterator<T> translated = new Spliterators.AbstractSpliterator<T>(Long.MAX_VALUE,
                Spliterator.ORDERED | Spliterator.NONNULL) {
            @Override
            public boolean tryAdvance(Consumer<? super T> action) {
                return translating.apply(() -> source.tryAdvance(action));
            }
        };
        return StreamSupport.stream(translated, false).onClose(rows::close);
    }
}
