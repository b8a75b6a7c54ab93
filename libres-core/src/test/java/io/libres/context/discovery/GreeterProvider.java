package io.libres.context.discovery;

import io.libres.context.Context;
import io.libres.spi.LibresProvider;

/** The provider interface of the test-only greeter port; it needs the context, as a storage provider will. */
public interface GreeterProvider extends LibresProvider {

    /**
     * Makes a greeter for a context.
     *
     * @param context the context asking
     * @return the greeter
     */
    Greeter create(Context context);
}
