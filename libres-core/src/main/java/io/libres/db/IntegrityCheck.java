package io.libres.db;

import io.libres.context.Context;
import io.libres.errors.InvalidArgument;
import io.libres.spi.IntegrityScope;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

/**
 * Checks that the stored records hold together as libres writes them, and lists what does not:
 * double bookings, slots off their allocation or without their reservation or blocker, approved
 * reservations without exactly the slots they need, pending ones with slots, quotas exceeded,
 * mirrors without a valid master, targets without a master, blockers without slots (every rule is
 * a {@link IntegrityViolation.Kind}). Nothing is written; records written by libres 1.2 (Python)
 * pass as well as this library's own.
 *
 * <p>A check runs in the current thread's unit of work of the context if one is open (it sees
 * that unit of work's own writes), else in a short one of its own. An SQL storage answers it in a
 * fixed number of set-based statements whatever the number of rows, returning only the violating
 * ones; it still reads every row in its scope, so checking a large whole storage is a
 * maintenance task, not something to do per request.
 *
 * <p>For one scheduler: {@link Scheduler#checkIntegrity()}.
 */
public final class IntegrityCheck {

    private IntegrityCheck() {
    }

    /**
     * Checks every record of the context's storage, whatever resource (scheduler, context) it
     * belongs to: on a database shared by several applications, theirs too.
     *
     * @param context the context whose storage to check
     * @return the violations in {@link IntegrityViolation#ORDER}, immutable; empty if all is well
     * @throws InvalidArgument if the context is missing
     * @throws io.libres.errors.StorageException if the storage cannot be read
     */
    public static List<IntegrityViolation> checkStorage(Context context) {
        return run(context, IntegrityScope.all());
    }

    /**
     * Checks the records of some real resources (a scheduler's {@link Scheduler#resource()}): their
     * allocations with their mirrors, reservations, blockers and reserved slots.
     *
     * @param context the context whose storage to check
     * @param resources the real (master) resources
     * @return the violations in {@link IntegrityViolation#ORDER}, immutable; empty if all is well
     * @throws InvalidArgument if the context or the resources are missing, or a resource is null
     * @throws io.libres.errors.StorageException if the storage cannot be read
     */
    public static List<IntegrityViolation> checkResources(Context context, Collection<UUID> resources) {
        if (resources == null) {
            throw new InvalidArgument("the resources to check are missing; expected a collection of uuids");
        }
        return run(context, new IntegrityScope(new java.util.HashSet<>(resources)));
    }

    private static List<IntegrityViolation> run(Context context, IntegrityScope scope) {
        if (context == null) {
            throw new InvalidArgument("the context is missing; expected the context whose storage to check");
        }
        Session session = Session.of(context);
        return session.read(() -> List.copyOf(session.current().checkIntegrity(scope)));
    }
}
