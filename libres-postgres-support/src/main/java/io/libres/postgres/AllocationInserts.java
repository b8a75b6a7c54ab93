package io.libres.postgres;

import org.jspecify.annotations.Nullable;

import io.libres.db.models.Allocation;
import io.libres.errors.LibresException;
import io.libres.errors.OverlappingAllocationError;
import io.libres.errors.SerializationFailure;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * The PostgreSQL recipe for inserting allocations, whose unique key {@value SqlErrors#ALLOCATIONS_KEY}
 * (resource, start) must become the right typed error, with the allocation in the way:
 *
 * <ul>
 *   <li>two allocations of the batch with one resource and start (batch twins):
 *       {@link OverlappingAllocationError} naming the earlier twin, before anything is sent;</li>
 *   <li>a stored allocation visible to the unit of work: {@link OverlappingAllocationError} naming
 *       it, read back with one statement before the insert, so the transaction stays usable;</li>
 *   <li>an allocation of a concurrent unit of work this one cannot see: the insert's unique
 *       violation (or PostgreSQL's own 40001) becomes a retryable {@link SerializationFailure}.
 *       A null allocation is never handed to {@link OverlappingAllocationError}.</li>
 * </ul>
 *
 * <p>Two statements per batch, whatever its size.
 */
public final class AllocationInserts {

    /**
     * Every column of {@code allocations} as the readers of this recipe get them: by the table's
     * names, {@code data} as text.
     */
    public static final String COLUMNS = "id, resource, type, mirror_of, \"group\", quota, quota_limit,"
            + " partly_available, approve_manually, timezone, data::text AS data, _start, _end, _raster, created,"
            + " modified";

    private AllocationInserts() {
    }

    private record Key(UUID resource, Instant start) {
    }

    /**
     * Inserts allocations in one statement after checking them for clashes in one statement.
     *
     * @param connection the unit of work's connection, in a SERIALIZABLE transaction
     * @param allocations transient allocations; an empty list sends nothing
     * @param now the creation time to set
     * @param dataJson writes the {@code data} of an allocation as a JSON object; empty data is
     *     stored as {@code {}} whatever it returns, never as NULL
     * @param reader reads an allocation from a row of {@link #COLUMNS}, for the one in the way
     * @return the allocations with their ids and {@code created}, {@code modified} unset, in order
     * @throws OverlappingAllocationError if two share a resource and start, or one has the resource
     *     and start of a stored allocation; nothing is inserted, the transaction stays usable
     * @throws SerializationFailure if a concurrent unit of work stored an allocation at one's
     *     resource and start
     * @throws io.libres.errors.StorageException if the database refuses otherwise
     */
    public static List<Allocation> insert(Connection connection, List<Allocation> allocations, Instant now,
            @Nullable Function<Map<String, Object>, String> dataJson, RowReader<Allocation> reader) {
        if (allocations.isEmpty()) {
            return List.of();
        }
        Optional<OverlappingAllocationError> clash = clash(connection, allocations, reader);
        if (clash.isPresent()) {
            throw clash.get();
        }
        Map<Key, Integer> ids = new HashMap<>();
        String sql = "INSERT INTO allocations (resource, type, mirror_of, \"group\", quota, quota_limit,"
                + " partly_available, approve_manually, timezone, data, _start, _end, _raster, created)"
                + " SELECT r, t, m, g, q, ql, pa, am, tz, CAST(d AS jsonb), CAST(s AS timestamp), CAST(e AS timestamp),"
                + " ra, ? FROM unnest(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) WITH ORDINALITY"
                + " AS x(r, t, m, g, q, ql, pa, am, tz, d, s, e, ra, n) ORDER BY n RETURNING id, resource, _start";
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setObject(1, Jdbc.utc(now));
            statement.setArray(2, Jdbc.array(connection, "uuid", allocations, Allocation::resource));
            statement.setArray(3, Jdbc.array(connection, "text", allocations, Allocation::type));
            statement.setArray(4, Jdbc.array(connection, "uuid", allocations, Allocation::mirrorOf));
            statement.setArray(5, Jdbc.array(connection, "uuid", allocations, Allocation::group));
            statement.setArray(6, Jdbc.array(connection, "integer", allocations, Allocation::quota));
            statement.setArray(7, Jdbc.array(connection, "integer", allocations, Allocation::quotaLimit));
            statement.setArray(8, Jdbc.array(connection, "boolean", allocations, Allocation::partlyAvailable));
            statement.setArray(9, Jdbc.array(connection, "boolean", allocations, Allocation::approveManually));
            statement.setArray(10, Jdbc.array(connection, "text", allocations, a -> a.timezone().orElse(null)));
            statement.setArray(11, Jdbc.array(connection, "text", allocations, a -> dataText(a.data(), dataJson)));
            statement.setArray(12, Jdbc.timestamps(connection, allocations, Allocation::start));
            statement.setArray(13, Jdbc.timestamps(connection, allocations, Allocation::end));
            statement.setArray(14, Jdbc.array(connection, "integer", allocations, a -> a.raster().minutes()));
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    ids.put(new Key(Jdbc.uuid(rs, "resource"), Jdbc.instant(rs, "_start")), rs.getInt("id"));
                }
            }
        } catch (SQLException e) {
            throw translate("inserting allocations", e);
        }
        List<Allocation> stored = new ArrayList<>(allocations.size());
        for (Allocation a : allocations) {
            stored.add(a.toBuilder().id(ids.get(new Key(a.resource(), a.start()))).created(now).modified(null).buildAsStored());
        }
        return stored;
    }

    /**
     * The JSON text to store for some data: {@code {}} for absent or empty data, never NULL or
     * JSON null, which libres 1.2 (Python) does not expect.
     *
     * @param data the data, may be null
     * @param json writes non-empty data
     * @return the JSON text
     */
    public static String dataText(@Nullable Map<String, Object> data, Function<Map<String, Object>, String> json) {
        if (data == null || data.isEmpty()) {
            return "{}";
        }
        String text = json.apply(data);
        return text == null || text.isBlank() || text.strip().equals("null") ? "{}" : text;
    }

    /**
     * The clash a batch of allocations would meet, found before anything is written: a twin in the
     * batch (the earlier one is named) or a stored allocation visible to the unit of work at a
     * batch member's resource and start (one statement).
     *
     * @param connection the unit of work's connection
     * @param allocations the batch
     * @param reader reads an allocation from a row of {@link #COLUMNS}
     * @return the error to throw, empty if the batch is free to insert
     * @throws io.libres.errors.StorageException if the database refuses the check
     */
    public static Optional<OverlappingAllocationError> clash(Connection connection, List<Allocation> allocations,
            RowReader<Allocation> reader) {
        Optional<OverlappingAllocationError> twin = twin(allocations);
        if (twin.isPresent()) {
            return twin;
        }
        Map<Key, Allocation> batch = new HashMap<>();
        for (Allocation a : allocations) {
            batch.put(new Key(a.resource(), a.start()), a);
        }
        try (PreparedStatement statement = connection.prepareStatement("SELECT " + COLUMNS + " FROM allocations"
                + " WHERE (resource, _start) IN (SELECT r, CAST(s AS timestamp) FROM unnest(?, ?) AS x(r, s))"
                + " ORDER BY _start, id LIMIT 1")) {
            statement.setArray(1, Jdbc.array(connection, "uuid", allocations, Allocation::resource));
            statement.setArray(2, Jdbc.timestamps(connection, allocations, Allocation::start));
            try (ResultSet rs = statement.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                Allocation existing = reader.read(rs);
                Allocation wanted = batch.get(new Key(existing.resource(), existing.start()));
                return Optional.of(new OverlappingAllocationError(wanted.start(), wanted.end(), existing));
            }
        } catch (SQLException e) {
            throw SqlErrors.translate("checking allocations for clashes", e);
        }
    }

    /**
     * The first twin of a batch: two allocations with one resource and start. An adapter that sends
     * its own clash check and insert (jOOQ, for its listeners) calls this first, then looks the
     * batch's keys up and names what it found, then translates the insert's errors with
     * {@link #translate}.
     *
     * @param allocations the batch
     * @return the error naming the earlier twin, empty if the batch has none
     */
    public static Optional<OverlappingAllocationError> twin(List<Allocation> allocations) {
        Map<Key, Allocation> batch = new HashMap<>();
        for (Allocation a : allocations) {
            Allocation twin = batch.putIfAbsent(new Key(a.resource(), a.start()), a);
            if (twin != null) {
                return Optional.of(new OverlappingAllocationError(a.start(), a.end(), twin));
            }
        }
        return Optional.empty();
    }

    /**
     * Translates a failed allocation insert that was checked with {@link #clash} first: a unique
     * violation of {@value SqlErrors#ALLOCATIONS_KEY} can then only come from an allocation of a
     * concurrent unit of work, invisible to this one, so it is a retryable
     * {@link SerializationFailure}; anything else as {@link SqlErrors#translate}.
     *
     * @param doing what was being done, for the message
     * @param error the driver's error
     * @return the exception to throw
     */
    public static LibresException translate(String doing, SQLException error) {
        if (SqlErrors.UNIQUE_VIOLATION.equals(SqlErrors.sqlState(error))
                && SqlErrors.constraint(error).map(SqlErrors.ALLOCATIONS_KEY::equals).orElse(false)) {
            return new SerializationFailure("a concurrent unit of work stored an allocation at the same resource"
                    + " and start (" + SqlErrors.ALLOCATIONS_KEY + ") while " + doing + ", invisible to this one;"
                    + " roll back and run the unit of work again", SerializationFailure.SERIALIZATION_FAILURE, error);
        }
        return SqlErrors.translate(doing, error);
    }
}
