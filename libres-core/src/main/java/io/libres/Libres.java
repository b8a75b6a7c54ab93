package io.libres;

import io.libres.context.Context;
import io.libres.context.Registry;
import io.libres.db.Scheduler;

import java.time.ZoneId;
import java.util.Collection;

/**
 * The entry point of libres for Java: the global registry of contexts.
 *
 * <pre>{@code
 * Context myApp = Libres.registry().registerContext("my_app");
 * }</pre>
 *
 * <p>Code that avoids global state makes a registry of its own with
 * {@link Registry#createDefault()} instead.
 */
public final class Libres {

    private Libres() {
    }

    /**
     * The global registry, made with {@link Registry#createDefault()} on first use;
     * every call, from any thread, returns the same one.
     *
     * @return the global registry
     */
    public static Registry registry() {
        return GlobalRegistry.INSTANCE;
    }

    /**
     * Creates a scheduler for a resource of a context.
     *
     * @param context the context whose settings, services and storage the scheduler uses
     * @param name the scheduler's name; with the context's name it makes the resource
     * @param zone the zone of local date-times, whole days and weekdays
     * @return the scheduler
     */
    public static Scheduler newScheduler(Context context, String name, ZoneId zone) {
        return new Scheduler(context, name, zone);
    }

    /**
     * Creates a scheduler whose reservations are also blocked by other schedulers' reserved slots.
     *
     * @param context the context whose settings, services and storage the scheduler uses
     * @param name the scheduler's name; with the context's name it makes the resource
     * @param zone the zone of local date-times, whole days and weekdays
     * @param blockingNames names of schedulers of the same context whose reserved slots block this one's
     * @return the scheduler
     */
    public static Scheduler newScheduler(Context context, String name, ZoneId zone, Collection<String> blockingNames) {
        return new Scheduler(context, name, zone, blockingNames);
    }

    /** Holds the registry; the JVM initialises it once, lazily and thread-safely, on first access. */
    private static final class GlobalRegistry {
        static final Registry INSTANCE = Registry.createDefault();
    }
}
