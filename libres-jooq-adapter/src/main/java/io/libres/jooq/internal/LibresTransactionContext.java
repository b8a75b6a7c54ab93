package io.libres.jooq.internal;

import org.jooq.Configuration;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.Transaction;
import org.jooq.TransactionContext;
import org.jooq.conf.Settings;

import java.time.Instant;
import java.util.Map;

/**
 * The scope a unit of work hands to the configuration's {@link org.jooq.TransactionProvider}, as
 * {@code DSLContext.transaction(...)} would, but open across calls: the unit of work begins the
 * transaction, then commits or rolls it back when the scheduler says so.
 */
final class LibresTransactionContext implements TransactionContext {

    private final Configuration configuration;
    private final Instant creationTime = Instant.now();
    private Transaction transaction;
    private Throwable cause;

    LibresTransactionContext(Configuration configuration) {
        this.configuration = configuration;
    }

    @Override
    public Transaction transaction() {
        return transaction;
    }

    @Override
    public TransactionContext transaction(Transaction value) {
        this.transaction = value;
        return this;
    }

    @Override
    public Exception cause() {
        return cause instanceof Exception ? (Exception) cause : null;
    }

    @Override
    public Throwable causeThrowable() {
        return cause;
    }

    @Override
    public TransactionContext cause(Exception value) {
        this.cause = value;
        return this;
    }

    @Override
    public TransactionContext causeThrowable(Throwable value) {
        this.cause = value;
        return this;
    }

    @Override
    public Instant creationTime() {
        return creationTime;
    }

    @Override
    public Configuration configuration() {
        return configuration;
    }

    @Override
    public DSLContext dsl() {
        return configuration.dsl();
    }

    @Override
    public Settings settings() {
        return configuration.settings();
    }

    @Override
    public SQLDialect dialect() {
        return configuration.dialect();
    }

    @Override
    public SQLDialect family() {
        return configuration.family();
    }

    @Override
    public Map<Object, Object> data() {
        return configuration.data();
    }

    @Override
    public Object data(Object key) {
        return configuration.data(key);
    }

    @Override
    public Object data(Object key, Object value) {
        return configuration.data(key, value);
    }
}
