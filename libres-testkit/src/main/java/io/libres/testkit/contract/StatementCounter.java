package io.libres.testkit.contract;

/**
 * Counts the statements a storage sends, for the statement-count group of
 * {@link StorageContractTest}: the hook through which every adapter proves it is set-based.
 *
 * <p>A SQL adapter builds its storage under test on {@link CountingDataSource#wrap(javax.sql.DataSource)}
 * and returns that; the in-memory storage counts one statement per store call
 * ({@code InMemoryStorage.statements()}). An adapter may also expose a counter of its own (a jOOQ
 * {@code ExecuteListener}, a JDBI {@code SqlLogger}), as long as every statement of every unit of
 * work is counted.
 */
@FunctionalInterface
public interface StatementCounter {

    /**
     * How many statements were sent so far; only differences are looked at.
     *
     * @return the running count
     */
    long statements();
}
