package io.libres.testkit.junit.internal;

import io.libres.testkit.postgres.PostgresExtension;
import io.libres.testkit.postgres.WithPostgres;

import java.lang.reflect.AnnotatedElement;
import java.util.Arrays;
import java.util.Optional;

import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;
import org.junit.platform.commons.support.HierarchyTraversalMode;
import org.junit.platform.commons.support.ReflectionSupport;

/**
 * Tells whether {@link PostgresExtension} serves a test too, so that data sources and test
 * databases are injected by it alone and never by two extensions at once.
 */
public final class PostgresRegistration {

    private PostgresRegistration() {
    }

    /**
     * Looks for {@link WithPostgres}, {@code @ExtendWith(PostgresExtension.class)} or a
     * {@code @RegisterExtension} field of that type on the test method, its class and the
     * classes enclosing it.
     *
     * @param context the context of a test, a test class or a lifecycle method
     * @return {@code true} if {@link PostgresExtension} is registered for it
     */
    public static boolean isRegistered(ExtensionContext context) {
        for (Optional<ExtensionContext> current = Optional.of(context); current.isPresent();
                current = current.get().getParent()) {
            ExtensionContext level = current.get();
            if (level.getTestMethod().filter(PostgresRegistration::declares).isPresent()) {
                return true;
            }
            if (level.getTestClass().filter(PostgresRegistration::declaresOnClass).isPresent()) {
                return true;
            }
        }
        return false;
    }

    private static boolean declaresOnClass(Class<?> testClass) {
        return declares(testClass) || !ReflectionSupport.findFields(testClass,
                field -> PostgresExtension.class.isAssignableFrom(field.getType()),
                HierarchyTraversalMode.TOP_DOWN).isEmpty();
    }

    private static boolean declares(AnnotatedElement element) {
        return AnnotationSupport.isAnnotated(element, WithPostgres.class)
                || AnnotationSupport.findRepeatableAnnotations(element, ExtendWith.class).stream()
                        .flatMap(extendWith -> Arrays.stream(extendWith.value()))
                        .anyMatch(PostgresExtension.class::isAssignableFrom);
    }
}
