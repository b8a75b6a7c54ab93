package io.libres.testkit.junit;

import io.libres.context.Context;
import io.libres.errors.StorageException;
import io.libres.spi.Storage;
import io.libres.spi.StorageProvider;
import io.libres.spi.UnitOfWork;
import io.libres.testkit.memory.InMemoryStorage;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A stand-in for a SQL adapter: it keeps its records in memory, one store per {@code dsn}, so
 * tests of a class that share a database share the records as they would on PostgreSQL, and its
 * {@code setupDatabase()} really connects to the {@code dsn} and creates a table there.
 */
public class ProbeStorageProvider implements StorageProvider {

    static final String TABLE = "probe_setup";
    static final Map<String, InMemoryStorage> STORES = new ConcurrentHashMap<>();
    static final List<String> CLOSED = new CopyOnWriteArrayList<>();

    @Override
    public String name() {
        return "probe";
    }

    @Override
    public Storage create(Context context) {
        String dsn = context.dsn().orElseThrow(() -> new StorageException("the probe needs a dsn", null, null));
        return new ProbeStorage(dsn, STORES.computeIfAbsent(dsn, key -> InMemoryStorage.create()));
    }

    /**
     * Delegates units of work to the in-memory store of its dsn; when closed, notes in
     * {@link #CLOSED} whether its database could still be reached.
     */
    record ProbeStorage(String dsn, InMemoryStorage store) implements Storage, AutoCloseable {

        @Override
        public void close() {
            try (Connection connection = DriverManager.getConnection(dsn);
                    Statement statement = connection.createStatement()) {
                statement.execute("SELECT 1");
                CLOSED.add(dsn + " reachable");
            } catch (SQLException e) {
                CLOSED.add(dsn + " unreachable: " + e.getMessage());
            }
        }

        @Override
        public UnitOfWork begin() {
            return store.begin();
        }

        @Override
        public void setupDatabase() {
            try (Connection connection = DriverManager.getConnection(dsn);
                    Statement statement = connection.createStatement()) {
                statement.execute("CREATE TABLE IF NOT EXISTS " + TABLE + " (dsn text)");
                statement.execute("INSERT INTO " + TABLE + " VALUES ('" + dsn.replace("'", "''") + "')");
            } catch (SQLException e) {
                throw new StorageException("cannot reach " + dsn + ": " + e.getMessage(), e.getSQLState(), e);
            }
        }
    }
}
