package io.libres.context.discovery;

import io.libres.context.Context;
import io.libres.context.StoppableService;
import java.util.concurrent.atomic.AtomicInteger;

/** The test providers of the greeter port; ServiceLoader needs them public with public no-arg constructors. */
public final class TestProviders {

    private TestProviders() {
    }

    /** A greeter that says which provider made it and for which context, and records whether it was stopped. */
    public static final class Greeting implements Greeter, StoppableService {
        final String provider;
        final String context;
        final AtomicInteger stops = new AtomicInteger();

        Greeting(String provider, Context context) {
            this.provider = provider;
            this.context = context.name();
        }

        @Override
        public String greet(String who) {
            return provider + " greets " + who + " in " + context;
        }

        @Override
        public void stopService() {
            stops.incrementAndGet();
        }
    }

    /** Shared shape of the well-behaved providers. */
    public abstract static class Base implements GreeterProvider {
        private final String name;
        private final int priority;

        Base(String name, int priority) {
            this.name = name;
            this.priority = priority;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public int priority() {
            return priority;
        }

        @Override
        public Greeter create(Context context) {
            return new Greeting(name, context);
        }
    }

    /** Priority 0 (the default). */
    public static final class English implements GreeterProvider {
        @Override
        public String name() {
            return "english";
        }

        @Override
        public Greeter create(Context context) {
            return new Greeting("english", context);
        }
    }

    /** Priority 10. */
    public static final class German extends Base {
        public German() {
            super("german", 10);
        }
    }

    /** Priority 10 as well, to tie with {@link German}. */
    public static final class French extends Base {
        public French() {
            super("french", 10);
        }
    }

    /** A negative priority: still chosen when it is the only one. */
    public static final class Shy extends Base {
        public Shy() {
            super("shy", -5);
        }
    }

    /** Counts how often ServiceLoader makes it, to show that discovery runs once per context. */
    public static final class Counting extends Base {
        static final AtomicInteger INSTANCES = new AtomicInteger();

        public Counting() {
            super("counting", 0);
            INSTANCES.incrementAndGet();
        }
    }

    /** Fails in its constructor. */
    public static final class Exploding extends Base {
        public Exploding() {
            super("exploding", 100);
            throw new IllegalStateException("exploding provider refuses to start");
        }
    }

    /** Has a blank name, which a provider must not. */
    public static final class Nameless extends Base {
        public Nameless() {
            super(" ", 100);
        }
    }

    /** Fails when asked for its name. */
    public static final class Mute extends Base {
        public Mute() {
            super("mute", 100);
        }

        @Override
        public String name() {
            throw new UnsupportedOperationException("mute has no name");
        }
    }

    /** Makes null instead of a greeter. */
    public static final class Empty extends Base {
        public Empty() {
            super("empty", 0);
        }

        @Override
        public Greeter create(Context context) {
            return null;
        }
    }

    /** Listed as a greeter provider but is none. */
    public static final class NotAProvider {
        public NotAProvider() {
        }
    }
}
