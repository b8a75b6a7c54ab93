package io.libres.testkit.internal;

import io.libres.testkit.postgres.TestDatabase;
import io.libres.testkit.postgres.WithPostgres;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.LifecycleMethodExecutionExceptionHandler;
import org.junit.platform.commons.support.AnnotationSupport;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Makes a misconfigured kit subclass fail once, with what to change, instead of every kit test
 * failing on its own. What can be seen from the class (a database field without
 * {@code @WithPostgres}, a hook overridden without the capability flag it belongs to) fails the
 * class before any test runs; what only an instance shows ({@code newStorage()} returning null or
 * throwing a NullPointerException, a flag contradicting {@code dataSource()}) fails the first test,
 * and the class's remaining tests are then not run, their reason naming that first failure. Not API.
 */
public final class KitPreflight implements BeforeAllCallback, ExecutionCondition,
        LifecycleMethodExecutionExceptionHandler {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(KitPreflight.class);
    private static final String FAILURE = "misconfigured";

    /** Creates the extension; JUnit does, through {@code @ExtendWith} on the kits. */
    public KitPreflight() {
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        Class<?> type = context.getRequiredTestClass();
        if (AnnotationSupport.isAnnotated(type, Nested.class)) {
            return;
        }
        Optional<String> problem = classProblem(type);
        if (problem.isPresent()) {
            throw new KitMisconfigured(problem.get());
        }
    }

    /**
     * What is wrong with a kit subclass as declared, if anything.
     *
     * @param type the kit subclass
     * @return the message saying what to change, or empty
     */
    static Optional<String> classProblem(Class<?> type) {
        String field = databaseField(type);
        if (field != null && !AnnotationSupport.isAnnotated(type, WithPostgres.class)) {
            return Optional.of(type.getName() + " has the field '" + field + "' but is not annotated with"
                    + " @WithPostgres (io.libres.testkit.postgres.WithPostgres), so nothing injects it and newStorage()"
                    + " would see null; annotate the class with @WithPostgres");
        }
        if (overrides(type, "dataSource") && !overrides(type, "supportsRealDatabase")) {
            return Optional.of(type.getName() + " overrides dataSource() but not supportsRealDatabase(), which stays"
                    + " false: the checks of a real database (rows read back raw, SQLSTATEs, conflicts at the write)"
                    + " would stay off; override supportsRealDatabase() to return true");
        }
        return Optional.empty();
    }

    private static String databaseField(Class<?> type) {
        for (Class<?> c = type; c != null && !isKit(c); c = c.getSuperclass()) {
            for (Field field : c.getDeclaredFields()) {
                if (!Modifier.isStatic(field.getModifiers()) && (field.getType() == TestDatabase.class
                        || field.getType() == DataSource.class)) {
                    return field.getName();
                }
            }
        }
        return null;
    }

    /** Whether a class below the kit declares the no-argument hook. */
    private static boolean overrides(Class<?> type, String hook) {
        for (Class<?> c = type; c != null && !isKit(c); c = c.getSuperclass()) {
            if (Arrays.stream(c.getDeclaredMethods()).anyMatch(m -> m.getName().equals(hook)
                    && m.getParameterCount() == 0 && !m.isBridge())) {
                return true;
            }
        }
        return false;
    }

    /** The kit is the class that declares this extension; the walk up a subclass stops there. */
    private static boolean isKit(Class<?> c) {
        return c == Object.class || Arrays.stream(c.getDeclaredAnnotationsByType(ExtendWith.class))
                .anyMatch(e -> Arrays.asList(e.value()).contains(KitPreflight.class));
    }

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        String failure = outermost(context).getStore(NAMESPACE).get(FAILURE, String.class);
        return failure == null ? ConditionEvaluationResult.enabled("the kit subclass is configured")
                : ConditionEvaluationResult.disabled("not run: an earlier test of this kit failed because the kit"
                        + " subclass is misconfigured: " + failure);
    }

    @Override
    public void handleBeforeEachMethodExecutionException(ExtensionContext context, Throwable throwable)
            throws Throwable {
        if (throwable instanceof KitMisconfigured) {
            outermost(context).getStore(NAMESPACE).put(FAILURE, throwable.getMessage());
        }
        throw throwable;
    }

    /** The context of the top-level test class: the kit subclass, whose store the nested groups share. */
    private static ExtensionContext outermost(ExtensionContext context) {
        ExtensionContext c = context;
        while (c.getParent().isPresent() && c.getParent().get().getTestClass().isPresent()) {
            c = c.getParent().get();
        }
        return c;
    }
}
