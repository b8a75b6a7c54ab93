package io.libres.events;

import io.libres.context.Context;
import io.libres.context.ServiceKey;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The event listeners of one context. Listeners of an event type are called in the order they
 * subscribed; a listener that throws stops the operation that raised the event (as in libres).
 * Thread-safe.
 */
public final class Events {

    /** The key of the events service on a context (one per context). */
    public static final ServiceKey<Events> KEY = ServiceKey.of("events", Events.class);

    private final Map<Class<? extends LibresEvent>, List<Consumer<? super LibresEvent>>> listeners =
            new ConcurrentHashMap<>();

    /**
     * The events of a context.
     *
     * @param context the context
     * @return its events, never shared with another context
     */
    public static Events of(Context context) {
        return context.getService(KEY);
    }

    /**
     * Subscribes a listener to one type of event.
     *
     * @param <E> the event type
     * @param type the event class, for example {@code ReservationsMade.class}
     * @param listener called with each event of that type
     * @return the subscription, to remove the listener
     */
    public <E extends LibresEvent> Subscription on(Class<E> type, Consumer<? super E> listener) {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(listener, "listener");
        Consumer<? super LibresEvent> erased = event -> listener.accept(type.cast(event));
        listeners.computeIfAbsent(type, t -> new CopyOnWriteArrayList<>()).add(erased);
        return () -> listeners.getOrDefault(type, List.of()).remove(erased);
    }

    /**
     * Calls the listeners of the event's type, in the order they subscribed.
     *
     * @param event the event
     */
    public void publish(LibresEvent event) {
        for (Consumer<? super LibresEvent> listener : listeners.getOrDefault(event.getClass(), List.of())) {
            listener.accept(event);
        }
    }

    /**
     * Counts the listeners of a type.
     *
     * @param type the event class
     * @return how many listeners are subscribed
     */
    public int listenerCount(Class<? extends LibresEvent> type) {
        return listeners.getOrDefault(type, List.of()).size();
    }

    /**
     * Removes every listener of every type.
     */
    public void clear() {
        listeners.clear();
    }
}
