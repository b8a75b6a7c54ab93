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

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(Events.class);

    private final Map<Class<? extends LibresEvent>, List<Consumer<? super LibresEvent>>> listeners =
            new ConcurrentHashMap<>();
    private final List<OperationListener> operationListeners = new CopyOnWriteArrayList<>();

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
     * Subscribes a listener to the timings of the context's scheduler operations and to the
     * retries of its transactions.
     *
     * @param listener the listener
     * @return the subscription, to remove it
     * @throws NullPointerException if the listener is null
     */
    public Subscription onOperations(OperationListener listener) {
        Objects.requireNonNull(listener, "listener");
        operationListeners.add(listener);
        return () -> operationListeners.remove(listener);
    }

    /**
     * Tells whether anyone listens to operations, so that operations are timed only then.
     *
     * @return true if an operation listener is subscribed
     */
    public boolean observesOperations() {
        return !operationListeners.isEmpty();
    }

    /**
     * Tells the operation listeners that an operation ended; what they throw is logged and dropped.
     *
     * @param timing the operation's timing
     */
    public void operationFinished(OperationTiming timing) {
        notifyOperationListeners(listener -> listener.operationFinished(timing));
    }

    /**
     * Tells the operation listeners that a transaction runs again after a conflict.
     *
     * @param context the context
     * @param attempt the attempt that failed
     */
    public void conflictRetried(io.libres.context.Context context, int attempt) {
        notifyOperationListeners(listener -> listener.conflictRetried(context, attempt));
    }

    /**
     * Tells the operation listeners that a transaction gave up after conflicts.
     *
     * @param context the context
     * @param attempts the attempts made
     */
    public void retriesExhausted(io.libres.context.Context context, int attempts) {
        notifyOperationListeners(listener -> listener.retriesExhausted(context, attempts));
    }

    private void notifyOperationListeners(Consumer<OperationListener> call) {
        for (OperationListener listener : operationListeners) {
            try {
                call.accept(listener);
            } catch (RuntimeException e) {
                // metrics must never break a booking
                LOG.warn("An operation listener failed and is ignored: {}", listener, e);
            }
        }
    }

    /**
     * Removes every listener of every type, operation listeners included.
     */
    public void clear() {
        listeners.clear();
        operationListeners.clear();
    }
}
