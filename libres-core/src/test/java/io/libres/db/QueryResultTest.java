package io.libres.db;

import io.libres.db.query.QueryResult;
import io.libres.errors.MultipleResultsFound;
import io.libres.errors.NoResultFound;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class QueryResultTest {

    @Test
    @DisplayName("list, count, first and exists answer from the records")
    void basics() {
        QueryResult<String> result = QueryResult.of("letter", List.of("a", "b"));
        assertThat(result.list()).containsExactly("a", "b");
        assertThat(result.count()).isEqualTo(2);
        assertThat(result.first()).contains("a");
        assertThat(result.exists()).isTrue();
        assertThat(QueryResult.of("letter", List.of()).exists()).isFalse();
    }

    @Test
    @DisplayName("one() insists on exactly one record, with typed errors naming what was looked for")
    void one() {
        assertThat(QueryResult.of("letter", List.of("a")).one()).isEqualTo("a");
        assertThatThrownBy(() -> QueryResult.of("letter", List.of()).one())
                .isInstanceOf(NoResultFound.class).hasMessageContaining("letter");
        assertThatThrownBy(() -> QueryResult.of("letter", List.of("a", "b")).one())
                .isInstanceOf(MultipleResultsFound.class).hasMessageContaining("letter");
    }

    @Test
    @DisplayName("first() and one() load no more records than they need")
    void lazy() {
        AtomicInteger pulled = new AtomicInteger();
        QueryResult<Integer> result = QueryResult.of("number",
                () -> Stream.iterate(1, n -> n + 1).peek(n -> pulled.incrementAndGet()).limit(1000));
        assertThat(result.first()).contains(1);
        assertThat(pulled.get()).isEqualTo(1);
        pulled.set(0);
        assertThatThrownBy(result::one).isInstanceOf(MultipleResultsFound.class);
        assertThat(pulled.get()).isEqualTo(2);
    }
}
