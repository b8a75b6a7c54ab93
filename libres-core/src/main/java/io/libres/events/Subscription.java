package io.libres.events;

/**
 * A listener's subscription; close it to stop listening.
 */
@FunctionalInterface
public interface Subscription extends AutoCloseable {

    /**
     * Removes the listener. Closing twice does nothing.
     */
    @Override
    void close();
}
