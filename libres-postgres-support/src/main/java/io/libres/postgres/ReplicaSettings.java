package io.libres.postgres;

import io.libres.context.Context;
import io.libres.context.Settings;
import io.libres.errors.InvalidSetting;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.BiFunction;
import javax.sql.DataSource;

/**
 * What an SQL adapter's builder collects about read replicas (data sources handed in, dsns to make
 * pools for, the wait, lag and retry bounds), and the {@link ReplicaReads} it makes of them. Not
 * thread-safe: a builder's part.
 */
public final class ReplicaSettings {

    private final List<DataSource> sources = new ArrayList<>();
    private final List<PostgresDsn> dsns = new ArrayList<>();
    private Duration wait = Settings.REPLICA_WAIT.defaultValue();
    private Duration maxLag = Settings.REPLICA_MAX_LAG.defaultValue();
    private Duration retry = Duration.ofSeconds(5);

    /** No replicas yet, the default bounds. */
    public ReplicaSettings() {
        // filled by the builder
    }

    /**
     * Adds replicas on the caller's data sources.
     *
     * @param values the data sources
     * @throws NullPointerException if a value is null
     */
    public void addSources(DataSource... values) {
        for (DataSource value : values) {
            sources.add(Objects.requireNonNull(value, "a replica data source must not be null"));
        }
    }

    /**
     * Adds replicas on dsns, for which the adapter makes pools.
     *
     * @param values the dsns
     * @throws InvalidSetting if a value is in no form {@link PostgresDsn} reads
     */
    public void addDsns(String... values) {
        for (String value : values) {
            dsns.add(PostgresDsn.parse(value));
        }
    }

    /**
     * Sets the wait bound of read-your-writes.
     *
     * @param value zero or more
     * @throws InvalidSetting if the value is missing or negative
     */
    public void wait(Duration value) {
        this.wait = Settings.REPLICA_WAIT.validate(value);
    }

    /**
     * Sets the lag bound.
     *
     * @param value zero or more
     * @throws InvalidSetting if the value is missing or negative
     */
    public void maxLag(Duration value) {
        this.maxLag = Settings.REPLICA_MAX_LAG.validate(value);
    }

    /**
     * Sets how long an unreachable replica is left alone.
     *
     * @param value zero or more
     * @throws InvalidSetting if the value is missing or negative
     */
    public void retry(Duration value) {
        if (value == null || value.isNegative()) {
            throw new InvalidSetting("the replica retry interval " + value + " is missing or negative; expected zero or"
                    + " more");
        }
        this.retry = value;
    }

    /**
     * Takes {@code replica_dsns}, {@code replica_wait} and {@code replica_max_lag} from a context.
     *
     * @param context the context
     * @throws InvalidSetting if a setting the context holds does not fit
     */
    public void takeFrom(Context context) {
        dsns.addAll(ReplicaReads.parseDsns(context.getSetting(Settings.REPLICA_DSNS)));
        wait = context.getSetting(Settings.REPLICA_WAIT);
        maxLag = context.getSetting(Settings.REPLICA_MAX_LAG);
    }

    /**
     * The dsns the adapter makes pools for.
     *
     * @return the dsns, in order
     */
    public List<PostgresDsn> dsns() {
        return List.copyOf(dsns);
    }

    /**
     * Makes the router: the data sources handed in first, then a pool per dsn.
     *
     * @param pools makes the pool of a dsn, given it and its number (1, 2, ...)
     * @return the router, empty when no replica was given
     */
    public ReplicaReads build(BiFunction<PostgresDsn, Integer, DataSource> pools) {
        List<ReplicaReads.Named> named = new ArrayList<>();
        for (DataSource source : sources) {
            named.add(new ReplicaReads.Named(source, "replica " + (named.size() + 1) + " (a data source)"));
        }
        int n = 0;
        for (PostgresDsn dsn : dsns) {
            named.add(new ReplicaReads.Named(pools.apply(dsn, ++n), dsn.toString()));
        }
        return new ReplicaReads(named, wait, maxLag, retry);
    }
}
