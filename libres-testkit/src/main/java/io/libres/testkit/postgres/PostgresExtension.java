package io.libres.testkit.postgres;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

import javax.sql.DataSource;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import io.libres.testkit.junit.internal.JUnitVersion;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;
import org.junit.platform.commons.support.HierarchyTraversalMode;
import org.junit.platform.commons.support.ReflectionSupport;

/**
 * The JUnit 5 extension behind {@link WithPostgres}: gives each test class (or each test,
 * see {@link Isolation}) its own fresh database on the JVM's {@link PostgresServer}, drops
 * it afterwards, and injects it.
 *
 * <p>What is injected: test-method, lifecycle-method and constructor parameters of type
 * {@link DataSource} or {@link TestDatabase}, and every non-final field of those types
 * (instance fields before each test; static fields before all tests, with
 * {@link Isolation#PER_CLASS} only). {@code @Nested} classes share the database of their
 * outermost class. Registered with {@code @ExtendWith} alone, the isolation is
 * {@link Isolation#PER_CLASS}.
 *
 * <p>Other extensions (such as one that also injects a scheduler) reach the same database
 * with {@link #testDatabase(ExtensionContext)}.
 */
public class PostgresExtension implements BeforeAllCallback, BeforeEachCallback, ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(PostgresExtension.class);
    private static final String DATABASE = "database";

    /** Creates the extension; JUnit does this when it meets {@link WithPostgres} or {@code @ExtendWith}. */
    public PostgresExtension() {
    }

    /**
     * Gives the database of the current test class or test, creating it on first use; it is
     * dropped when that class or test ends.
     *
     * @param context the context of a test class, a test, or a lifecycle method
     * @return the database the context's tests use
     * @throws ExtensionConfigurationException if the isolation is {@link Isolation#PER_TEST} and the
     *     context is not one of a single test (for example in {@code @BeforeAll})
     * @throws PostgresUnavailableException if no server could be provided
     * @throws TestDatabaseException if the server refuses to create the database
     */
    public static TestDatabase testDatabase(ExtensionContext context) {
        JUnitVersion.require();
        ExtensionContext owner = owner(context, isolation(context));
        String label = owner.getRequiredTestClass().getSimpleName()
                + owner.getTestMethod().map(method -> "_" + method.getName()).orElse("");
        return owner.getStore(NAMESPACE)
                .getOrComputeIfAbsent(DATABASE, key -> new Lease(PostgresServer.shared(), label), Lease.class)
                .database();
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        JUnitVersion.require();
        List<Field> staticFields = injectableFields(context.getRequiredTestClass(), Modifier::isStatic);
        if (staticFields.isEmpty()) {
            return;
        }
        if (isolation(context) == Isolation.PER_TEST) {
            throw new ExtensionConfigurationException("static field " + staticFields.get(0)
                    + " cannot hold a database with Isolation.PER_TEST, where each test has its own;"
                    + " make it an instance field or use Isolation.PER_CLASS");
        }
        TestDatabase database = testDatabase(context);
        staticFields.forEach(field -> inject(field, null, database));
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        TestDatabase database = testDatabase(context);
        for (Object instance : context.getRequiredTestInstances().getAllInstances()) {
            injectableFields(instance.getClass(), modifiers -> !Modifier.isStatic(modifiers))
                    .forEach(field -> inject(field, instance, database));
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return isInjectable(parameterContext.getParameter().getType());
    }

    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        TestDatabase database;
        try {
            database = testDatabase(extensionContext);
        } catch (ExtensionConfigurationException e) {
            throw new ParameterResolutionException("cannot inject " + parameterContext.getParameter() + ": "
                    + e.getMessage(), e);
        }
        return valueFor(parameterContext.getParameter().getType(), database);
    }

    private static Isolation isolation(ExtensionContext context) {
        for (Optional<ExtensionContext> current = Optional.of(context); current.isPresent();
                current = current.get().getParent()) {
            Optional<WithPostgres> annotation = current.get().getTestClass()
                    .flatMap(testClass -> AnnotationSupport.findAnnotation(testClass, WithPostgres.class));
            if (annotation.isPresent()) {
                return annotation.get().isolation();
            }
        }
        return Isolation.PER_CLASS;
    }

    private static ExtensionContext owner(ExtensionContext context, Isolation isolation) {
        if (isolation == Isolation.PER_TEST) {
            if (context.getTestMethod().isEmpty()) {
                throw new ExtensionConfigurationException("with Isolation.PER_TEST each test gets its own database,"
                        + " so there is none outside a test (in @BeforeAll, a constructor or a static field);"
                        + " take it in the test or in @BeforeEach, or use Isolation.PER_CLASS");
            }
            return context;
        }
        ExtensionContext outermost = context;
        while (outermost.getParent().flatMap(ExtensionContext::getTestClass).isPresent()) {
            outermost = outermost.getParent().orElseThrow();
        }
        return outermost;
    }

    private static List<Field> injectableFields(Class<?> testClass, Predicate<Integer> modifiers) {
        return ReflectionSupport.findFields(testClass,
                field -> isInjectable(field.getType()) && !Modifier.isFinal(field.getModifiers())
                        && modifiers.test(field.getModifiers()),
                HierarchyTraversalMode.TOP_DOWN);
    }

    private static boolean isInjectable(Class<?> type) {
        return type == DataSource.class || type == TestDatabase.class;
    }

    private static Object valueFor(Class<?> type, TestDatabase database) {
        return type == DataSource.class ? database.dataSource() : database;
    }

    private static void inject(Field field, Object instance, TestDatabase database) {
        try {
            field.setAccessible(true);
            field.set(instance, valueFor(field.getType(), database));
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new ExtensionConfigurationException("cannot inject the test database into " + field, e);
        }
    }

    /**
     * Holds a database for its owner context; JUnit closes it, and so drops the database, when that
     * context ends. JUnit before 5.13 closes only a {@code CloseableResource}, 5.13 and newer an
     * {@code AutoCloseable}: it is both, and JUnit closes it once either way.
     */
    @SuppressWarnings("deprecation")
    private static final class Lease implements AutoCloseable, ExtensionContext.Store.CloseableResource {

        private final PostgresServer server;
        private final TestDatabase database;

        Lease(PostgresServer server, String label) {
            this.server = server;
            this.database = server.createDatabase(label);
        }

        TestDatabase database() {
            return database;
        }

        @Override
        public void close() {
            server.dropDatabase(database);
        }
    }
}
