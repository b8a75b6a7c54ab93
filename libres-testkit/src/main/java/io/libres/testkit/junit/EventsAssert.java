package io.libres.testkit.junit;

import io.libres.events.LibresEvent;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

import org.assertj.core.api.AbstractAssert;

/**
 * AssertJ assertions on the events an {@link EventRecorder} recorded, oldest first; made by
 * {@link EventRecorder#assertThat()}. Each failure message lists the recorded event types.
 */
public final class EventsAssert extends AbstractAssert<EventsAssert, List<LibresEvent>> {

    EventsAssert(List<LibresEvent> events) {
        super(List.copyOf(events), EventsAssert.class);
    }

    /**
     * Checks that nothing was recorded.
     *
     * @return this assertion
     * @throws AssertionError if any event was recorded
     */
    public EventsAssert firedNothing() {
        if (!actual.isEmpty()) {
            failWithMessage("expected no events but recorded %s", recordedTypes());
        }
        return this;
    }

    /**
     * Checks that exactly these events were recorded, in this order, and no others.
     *
     * @param types the event classes, oldest first
     * @return this assertion
     * @throws AssertionError if the recorded types differ in number, kind or order
     */
    @SafeVarargs
    public final EventsAssert firedExactly(Class<? extends LibresEvent>... types) {
        List<Class<? extends LibresEvent>> expected = Arrays.asList(types);
        if (!typesOf(actual).equals(expected)) {
            failWithMessage("expected exactly %s but recorded %s", EventRecorder.describe(expected), recordedTypes());
        }
        return this;
    }

    /**
     * Checks that these events were recorded in this order, possibly with others before, between
     * or after them.
     *
     * @param types the event classes, oldest first
     * @return this assertion
     * @throws AssertionError if they were not all recorded in this order
     */
    @SafeVarargs
    public final EventsAssert firedInOrder(Class<? extends LibresEvent>... types) {
        int next = 0;
        for (Class<? extends LibresEvent> recorded : typesOf(actual)) {
            if (next < types.length && types[next] == recorded) {
                next++;
            }
        }
        if (next < types.length) {
            failWithMessage("expected %s in this order but recorded %s",
                    EventRecorder.describe(Arrays.asList(types)), recordedTypes());
        }
        return this;
    }

    /**
     * Checks that exactly one event of a type was recorded and that it meets the requirements.
     *
     * @param type the event class
     * @param requirements assertions on the event, for example on its reservations
     * @param <E> the event type
     * @return this assertion
     * @throws AssertionError if none or several of that type were recorded, or the requirements fail
     */
    public <E extends LibresEvent> EventsAssert firedOnce(Class<E> type, Consumer<? super E> requirements) {
        Objects.requireNonNull(requirements, "requirements must not be null");
        List<E> matching = actual.stream().filter(type::isInstance).map(type::cast).toList();
        if (matching.size() != 1) {
            failWithMessage("expected exactly one %s but recorded %s", type.getSimpleName(), recordedTypes());
        }
        requirements.accept(matching.get(0));
        return this;
    }

    /**
     * Checks that no event of these types was recorded.
     *
     * @param types the event classes
     * @return this assertion
     * @throws AssertionError if one of them was recorded
     */
    @SafeVarargs
    public final EventsAssert didNotFire(Class<? extends LibresEvent>... types) {
        for (Class<? extends LibresEvent> type : types) {
            if (typesOf(actual).contains(type)) {
                failWithMessage("expected no %s but recorded %s", type.getSimpleName(), recordedTypes());
            }
        }
        return this;
    }

    private String recordedTypes() {
        return EventRecorder.describe(typesOf(actual));
    }

    private static List<Class<? extends LibresEvent>> typesOf(List<LibresEvent> events) {
        return events.stream().<Class<? extends LibresEvent>>map(LibresEvent::getClass).toList();
    }
}
