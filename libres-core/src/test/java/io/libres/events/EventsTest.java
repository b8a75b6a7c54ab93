package io.libres.events;

import io.libres.context.Context;
import io.libres.context.Registry;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EventsTest {

    private final Registry registry = Registry.createDefault();

    @Test
    @DisplayName("listeners of a type are called in subscription order; other types are not called")
    void order() {
        Context context = registry.registerContext("a");
        Events events = Events.of(context);
        List<String> calls = new ArrayList<>();
        events.on(AllocationsAdded.class, e -> calls.add("one"));
        events.on(AllocationsAdded.class, e -> calls.add("two"));
        events.on(ReservationsMade.class, e -> calls.add("made"));
        events.publish(new AllocationsAdded(context, List.of()));
        assertThat(calls).containsExactly("one", "two");
    }

    @Test
    @DisplayName("a closed subscription is no longer called")
    void removal() {
        Context context = registry.registerContext("b");
        Events events = Events.of(context);
        List<String> calls = new ArrayList<>();
        Subscription subscription = events.on(AllocationsAdded.class, e -> calls.add("gone"));
        events.on(AllocationsAdded.class, e -> calls.add("stays"));
        subscription.close();
        events.publish(new AllocationsAdded(context, List.of()));
        assertThat(calls).containsExactly("stays");
        events.clear();
        assertThat(events.listenerCount(AllocationsAdded.class)).isZero();
    }

    @Test
    @DisplayName("each context has its own events, the same on every call")
    void perContext() {
        Context first = registry.registerContext("c");
        Context second = registry.registerContext("d");
        assertThat(Events.of(first)).isSameAs(Events.of(first)).isNotSameAs(Events.of(second));
        assertThat(Events.of(registry.masterContext())).isNotSameAs(Events.of(first));
    }

    @Test
    @DisplayName("a listener's exception reaches the caller")
    void failingListener() {
        Context context = registry.registerContext("e");
        Events events = Events.of(context);
        events.on(AllocationsAdded.class, e -> {
            throw new IllegalStateException("veto");
        });
        assertThatThrownBy(() -> events.publish(new AllocationsAdded(context, List.of())))
                .isInstanceOf(IllegalStateException.class).hasMessage("veto");
    }
}
