package io.libres.context;

import org.jspecify.annotations.Nullable;

import io.libres.errors.InvalidArgument;
import io.libres.errors.InvalidSetting;
import io.libres.internal.Arguments;
import java.util.function.Predicate;

/**
 * A named, typed setting of a context, with its default and what it must hold.
 *
 * <p>{@link Settings} holds libres' settings ({@code uuid_namespace},
 * {@code dsn}); applications may declare their own the same way. A setting
 * whose default is {@code null} may be set to {@code null}; any other may not.
 *
 * @param <T> the type of the setting's value
 */
public final class Setting<T> {

    private final String name;
    private final Class<T> type;
    private final T defaultValue;
    private final String description;
    private final Predicate<? super T> constraint;
    private final String expectation;

    private Setting(String name, Class<T> type, T defaultValue, String description,
                    Predicate<? super T> constraint, String expectation) {
        this.name = name;
        this.type = type;
        this.defaultValue = defaultValue;
        this.description = description;
        this.constraint = constraint;
        this.expectation = expectation;
    }

    /**
     * Declares a setting that accepts any value of its type.
     *
     * @param name the setting's name, as libres names it (for example {@code "dsn"})
     * @param type the type of its value
     * @param defaultValue the value a context has unless it or a context it inherits from sets another;
     *     {@code null} makes the setting nullable
     * @param description what the setting is for
     * @param <T> the type of the setting's value
     * @return the setting
     * @throws io.libres.errors.InvalidArgument if the name, the type or the description is null
     * @throws io.libres.errors.InvalidArgument if the name is blank
     */
    public static <T> Setting<T> of(String name, Class<T> type, @Nullable T defaultValue, String description) {
        Arguments.requireNonNull(name, "setting name must not be null");
        Arguments.requireNonNull(type, "setting type must not be null");
        Arguments.requireNonNull(description, "setting description must not be null");
        if (name.isBlank()) {
            throw new InvalidArgument("setting name must not be blank");
        }
        return new Setting<>(name, type, defaultValue, description, value -> true, "a " + type.getSimpleName());
    }

    /**
     * Returns a copy of this setting that also requires non-null values to pass a check.
     *
     * @param check the condition a non-null value must meet
     * @param expected what a valid value is, for the message of {@link InvalidSetting}
     * @return the stricter setting
     * @throws io.libres.errors.InvalidArgument if the check or the expectation is null
     */
    public Setting<T> requiring(Predicate<? super T> check, String expected) {
        Arguments.requireNonNull(check, "check must not be null");
        Arguments.requireNonNull(expected, "expected must not be null");
        return new Setting<>(name, type, defaultValue, description, check, expected);
    }

    /**
     * The setting's name.
     *
     * @return the name
     */
    public String name() {
        return name;
    }

    /**
     * The type of the setting's value.
     *
     * @return the type
     */
    public Class<T> type() {
        return type;
    }

    /**
     * The value a context has unless it, or a context it inherits from, sets another.
     *
     * @return the default, possibly {@code null}
     */
    public @Nullable T defaultValue() {
        return defaultValue;
    }

    /**
     * What the setting is for.
     *
     * @return the description
     */
    public String description() {
        return description;
    }

    /**
     * Tells whether the setting may hold {@code null}: only if its default is {@code null}.
     *
     * @return {@code true} if {@code null} is allowed
     */
    public boolean isNullable() {
        return defaultValue == null;
    }

    /**
     * Checks a value for this setting and returns it typed.
     *
     * @param value the value to check
     * @return the value, typed
     * @throws InvalidSetting if the value is null and the setting is not nullable, is not of the
     *     setting's type, or fails the setting's check
     */
    public T validate(Object value) {
        if (value == null) {
            if (isNullable()) {
                return null;
            }
            throw new InvalidSetting("Setting '" + name + "' must not be null; expected " + expectation);
        }
        if (!type.isInstance(value)) {
            throw new InvalidSetting("Setting '" + name + "' must be " + expectation + ", got a "
                    + value.getClass().getName() + ": " + Secrets.redact(String.valueOf(value)) + "; expected "
                    + expectation);
        }
        T typed = type.cast(value);
        if (!constraint.test(typed)) {
            throw new InvalidSetting("Setting '" + name + "' must be " + expectation + ", got: "
                    + Secrets.redact(String.valueOf(value)) + "; expected " + expectation);
        }
        return typed;
    }

    /**
     * Describes the setting by its name and type.
     *
     * @return for example {@code Setting[dsn: String]}
     */
    @Override
    public String toString() {
        return "Setting[" + name + ": " + type.getSimpleName() + "]";
    }
}
