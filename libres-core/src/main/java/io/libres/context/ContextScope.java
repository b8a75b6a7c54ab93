package io.libres.context;

/**
 * A switch of the current thread to a context that lasts until {@link #close()}:
 * use it with try-with-resources.
 *
 * <pre>{@code
 * try (ContextScope scope = registry.context("my_app")) {
 *     Context myApp = scope.context();   // also registry.currentContext()
 * }                                      // the previous context is current again
 * }</pre>
 *
 * <p>Closing restores the context that was current before the switch (looked
 * up again by its name, so a context replaced meanwhile is restored in its new
 * form), also when the block throws. Close a scope on the thread that opened
 * it; closing it again does nothing.
 */
public final class ContextScope implements AutoCloseable {

    private final Registry registry;
    private final String previousName;
    private final Context context;
    private final Thread owner;
    private boolean closed;

    ContextScope(Registry registry, Context previous, Context context) {
        this.registry = registry;
        this.previousName = previous.name();
        this.context = context;
        this.owner = Thread.currentThread();
    }

    /**
     * The context this scope made current.
     *
     * @return the context
     */
    public Context context() {
        return context;
    }

    /**
     * Makes the context that was current before this scope current again; does nothing
     * if the scope is already closed.
     *
     * @throws IllegalStateException if called on another thread than the one that opened the
     *     scope, whose current context this cannot reach
     */
    @Override
    public void close() {
        if (Thread.currentThread() != owner) {
            throw new IllegalStateException("The scope of context '" + context.name()
                    + "' must be closed on the thread that opened it (" + owner.getName() + ")");
        }
        if (!closed) {
            closed = true;
            registry.restoreCurrent(previousName);
        }
    }
}
