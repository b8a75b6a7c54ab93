package io.libres.testkit.junit;

import io.libres.context.Context;
import io.libres.events.Events;
import io.libres.events.LibresEvent;
import io.libres.events.Subscription;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Records every event raised in one context, in the order raised, so a test can assert which
 * events fired, with which payload, in which order.
 *
 * <pre>{@code
 * scheduler.allocate(range);
 * scheduler.reserve("ann@example.org", range);
 *
 * events.assertThat()
 *         .firedExactly(AllocationsAdded.class, ReservationsMade.class)
 *         .firedOnce(ReservationsMade.class, made ->
 *                 assertThat(made.reservations()).singleElement()
 *                         .extracting(Reservation::email).isEqualTo("ann@example.org"));
 * }</pre>
 *
 * <p>Events are raised when an operation happens, before its unit of work is committed; one that
 * is rolled back afterwards stays recorded. {@link LibresTest} injects a recorder attached to the
 * test's context; elsewhere, {@link #attachTo(Context)} makes one. Safe to use from several
 * threads.
 */
public final class EventRecorder implements AutoCloseable {

    private final List<LibresEvent> recorded = new CopyOnWriteArrayList<>();
    private final List<Subscription> subscriptions = new ArrayList<>();

    private EventRecorder() {
    }

    /**
     * Starts recording every type of event raised in a context.
     *
     * @param context the context whose {@link Events} to listen to
     * @return the recorder; close it to stop recording
     * @throws NullPointerException if the context is null
     */
    public static EventRecorder attachTo(Context context) {
        Objects.requireNonNull(context, "context must not be null");
        EventRecorder recorder = new EventRecorder();
        Events events = Events.of(context);
        for (Class<? extends LibresEvent> type : concreteEventTypes(LibresEvent.class)) {
            recorder.subscriptions.add(events.on(type, recorder.recorded::add));
        }
        return recorder;
    }

    /** Listeners are found by an event's exact class, so subscribe to the records, not to sealed interfaces between. */
    private static List<Class<? extends LibresEvent>> concreteEventTypes(Class<? extends LibresEvent> type) {
        if (!type.isSealed()) {
            return List.of(type);
        }
        List<Class<? extends LibresEvent>> concrete = new ArrayList<>();
        for (Class<?> permitted : type.getPermittedSubclasses()) {
            concrete.addAll(concreteEventTypes(permitted.asSubclass(LibresEvent.class)));
        }
        return concrete;
    }

    /**
     * Every event recorded so far, oldest first.
     *
     * @return a snapshot, unmodifiable
     */
    public List<LibresEvent> events() {
        return List.copyOf(recorded);
    }

    /**
     * The recorded events of one type, oldest first.
     *
     * @param type the event class, for example {@code ReservationsMade.class}
     * @param <E> the event type
     * @return a snapshot, unmodifiable
     */
    public <E extends LibresEvent> List<E> events(Class<E> type) {
        Objects.requireNonNull(type, "type must not be null");
        return recorded.stream().filter(type::isInstance).map(type::cast).toList();
    }

    /**
     * The types of the recorded events, oldest first, one entry per event.
     *
     * @return a snapshot, unmodifiable
     */
    public List<Class<? extends LibresEvent>> types() {
        List<Class<? extends LibresEvent>> types = new ArrayList<>();
        for (LibresEvent event : recorded) {
            types.add(event.getClass());
        }
        return List.copyOf(types);
    }

    /**
     * The one recorded event of a type.
     *
     * @param type the event class
     * @param <E> the event type
     * @return the event
     * @throws AssertionError if none or several of that type were recorded; the message lists
     *     what was recorded
     */
    public <E extends LibresEvent> E single(Class<E> type) {
        List<E> matching = events(type);
        if (matching.size() != 1) {
            throw new AssertionError("expected exactly one " + type.getSimpleName() + " but " + matching.size()
                    + " were recorded; recorded: " + describe(types()));
        }
        return matching.get(0);
    }

    /**
     * The latest recorded event of a type.
     *
     * @param type the event class
     * @param <E> the event type
     * @return the event
     * @throws AssertionError if none of that type was recorded; the message lists what was recorded
     */
    public <E extends LibresEvent> E last(Class<E> type) {
        List<E> matching = events(type);
        if (matching.isEmpty()) {
            throw new AssertionError("expected a " + type.getSimpleName() + " but none was recorded; recorded: "
                    + describe(types()));
        }
        return matching.get(matching.size() - 1);
    }

    /**
     * Forgets what was recorded so far, so a test can assert only what its next step raises.
     */
    public void clear() {
        recorded.clear();
    }

    /**
     * Starts a fluent assertion on what was recorded so far.
     *
     * @return the assertion, on a snapshot of the recorded events
     */
    public EventsAssert assertThat() {
        return new EventsAssert(events());
    }

    /**
     * Stops recording; what was recorded stays readable. Closing twice does nothing.
     */
    @Override
    public void close() {
        subscriptions.forEach(Subscription::close);
        subscriptions.clear();
    }

    static String describe(List<Class<? extends LibresEvent>> types) {
        return types.stream().map(Class::getSimpleName).toList().toString();
    }
}
