package io.libres.spring.boot;

import io.libres.internal.Arguments;
import io.libres.Libres;
import io.libres.context.Context;
import io.libres.db.Scheduler;
import java.time.ZoneId;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Makes the application's schedulers by name, in the context of the auto-configuration, once per
 * name and zone. Thread-safe; inject it where schedulers are needed.
 *
 * <pre>{@code
 * Scheduler room = schedulers.get("meeting-room-blue");
 * }</pre>
 */
public final class Schedulers {

    private final Context context;
    private final ZoneId defaultZone;
    private final Map<String, Scheduler> made = new ConcurrentHashMap<>();

    /**
     * Creates the factory.
     *
     * @param context the libres context
     * @param defaultZone the zone of schedulers made without one
     */
    public Schedulers(Context context, ZoneId defaultZone) {
        this.context = Arguments.requireNonNull(context, "the context is missing (null); expected a libres Context");
        this.defaultZone = Arguments.requireNonNull(defaultZone, "the default zone is missing (null); expected a ZoneId such as Europe/Zurich");
    }

    /**
     * The scheduler of a name, in the default zone ({@code libres.zone}).
     *
     * @param name the scheduler's name
     * @return the scheduler, the same for the same name
     * @throws io.libres.errors.InvalidArgument if the name is missing or blank
     */
    public Scheduler get(String name) {
        return get(name, defaultZone);
    }

    /**
     * The scheduler of a name in a zone.
     *
     * @param name the scheduler's name
     * @param zone the zone its local dates are read in
     * @return the scheduler, the same for the same name and zone
     * @throws io.libres.errors.InvalidArgument if the name or zone is missing
     */
    public Scheduler get(String name, ZoneId zone) {
        return made.computeIfAbsent(name + "\u0000" + zone, key -> Libres.newScheduler(context, name, zone));
    }

    /**
     * The context every scheduler of this factory lives in.
     *
     * @return the context
     */
    public Context context() {
        return context;
    }
}
