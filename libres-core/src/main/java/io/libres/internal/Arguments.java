package io.libres.internal;

import io.libres.errors.InvalidArgument;

/**
 * Checks of arguments that fail with the typed {@link InvalidArgument} rather than a bare
 * {@link NullPointerException}, so every bad input a caller can send is a {@code LibresException}.
 */
public final class Arguments {

    private Arguments() {
    }

    /**
     * Returns the value if it is there.
     *
     * @param <T> the value's type
     * @param value the value
     * @param message what is missing, for example {@code "context name must not be null"}
     * @return the value
     * @throws InvalidArgument if the value is null
     */
    public static <T> T requireNonNull(T value, String message) {
        if (value == null) {
            throw new InvalidArgument(message);
        }
        return value;
    }
}
