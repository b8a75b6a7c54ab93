package io.libres.testkit.junit;

import io.libres.context.Context;
import io.libres.context.Registry;
import io.libres.db.Scheduler;
import io.libres.spi.Storage;
import io.libres.testkit.junit.internal.PostgresRegistration;
import io.libres.testkit.junit.internal.JUnitVersion;
import io.libres.testkit.junit.internal.TestFixture;
import io.libres.testkit.junit.internal.TestSetup;
import io.libres.testkit.memory.InMemoryStorage;
import io.libres.testkit.postgres.PostgresExtension;
import io.libres.testkit.postgres.TestDatabase;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import javax.sql.DataSource;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;
import org.junit.platform.commons.support.HierarchyTraversalMode;
import org.junit.platform.commons.support.ReflectionSupport;

/**
 * The JUnit 5 extension behind {@link LibresTest}: makes, for each test, a fresh registry,
 * context, storage, {@link EventRecorder} and scheduler, injects them, and cleans up afterwards.
 *
 * <p>What is injected, into parameters of test methods and {@code @BeforeEach} / {@code @AfterEach}
 * methods and into every non-final instance field of these types (before each test, in the test
 * instance and the instances enclosing a {@code @Nested} one):
 * <ul>
 *   <li>{@link Scheduler}: named and zoned as {@link LibresTest} says, on the test's context;</li>
 *   <li>{@link Context} and {@link Registry}: the test's own, from {@code Registry.createDefault()};</li>
 *   <li>{@link Storage}: the context's storage; {@link InMemoryStorage} too when that is the storage;</li>
 *   <li>{@link EventRecorder}: recording every event of the test's context from its start;</li>
 *   <li>{@link DataSource} and {@link TestDatabase}: the database under a SQL storage, the same one
 *       {@link PostgresExtension#testDatabase(ExtensionContext)} gives. When the test also uses
 *       {@link io.libres.testkit.postgres.WithPostgres}, that extension injects them instead, so
 *       each is injected by one extension only, and its isolation decides whether the database
 *       is per class or per test. With the in-memory storage there is no database: fields of
 *       these types are left alone, and a parameter fails with a message saying so.</li>
 * </ul>
 * Everything belongs to one test, so none of it can be had in a constructor, in
 * {@code @BeforeAll} or in a static field; asking there fails with a message that says where
 * to take it instead.
 *
 * <p>After each test its unit of work on the test thread is rolled back; on a database, which
 * the tests of a class share unless isolated per test, the injected scheduler's records are
 * then removed and committed. Records of other schedulers a test makes on a shared database
 * are the test's to remove (or use {@code @WithPostgres(isolation = Isolation.PER_TEST)}).
 */
public class LibresExtension implements BeforeAllCallback, BeforeEachCallback, ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(LibresExtension.class);
    private static final String FIXTURE = "fixture";
    private static final Set<Class<?>> OWN_TYPES = Set.of(Scheduler.class, Context.class, Registry.class,
            Storage.class, InMemoryStorage.class, EventRecorder.class);
    private static final Set<Class<?>> DATABASE_TYPES = Set.of(DataSource.class, TestDatabase.class);

    /** Creates the extension; JUnit does this when it meets {@link LibresTest} or {@code @ExtendWith}. */
    public LibresExtension() {
    }

    /**
     * Gives the fixture of the current test, making it on first use; it is closed when the test ends.
     *
     * @param context the context of a test or of one of its {@code @BeforeEach}/{@code @AfterEach} methods
     * @return the test's scheduler, context, storage and recorder
     * @throws ExtensionConfigurationException if the context is not one of a test, or the
     *     annotation's values or the storage cannot be used
     */
    static TestFixture fixture(ExtensionContext context) {
        JUnitVersion.require();
        if (context.getTestMethod().isEmpty()) {
            throw new ExtensionConfigurationException("@LibresTest gives each test its own scheduler, context and"
                    + " storage, so there are none outside a test (in a constructor, @BeforeAll or a static field);"
                    + " take them as parameters of the test or of @BeforeEach, or as instance fields");
        }
        ExtensionContext.Store store = context.getStore(NAMESPACE);
        TestFixture existing = store.get(FIXTURE, TestFixture.class);
        if (existing != null) {
            return existing;
        }
        TestSetup setup = TestSetup.of(annotation(context));
        // JUnit closes a store's values newest first: taking the database before the fixture is
        // stored means a per-test database is dropped only after the fixture has cleaned up in it.
        Optional<TestDatabase> database = setup.inMemory()
                ? Optional.empty() : Optional.of(PostgresExtension.testDatabase(context));
        return store.getOrComputeIfAbsent(FIXTURE, key -> TestFixture.create(setup, database), TestFixture.class);
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        List<Field> staticFields = ReflectionSupport.findFields(context.getRequiredTestClass(),
                field -> Modifier.isStatic(field.getModifiers()) && !Modifier.isFinal(field.getModifiers())
                        && OWN_TYPES.contains(field.getType()), HierarchyTraversalMode.TOP_DOWN);
        if (!staticFields.isEmpty()) {
            throw new ExtensionConfigurationException("static field " + staticFields.get(0) + " cannot be injected:"
                    + " @LibresTest gives each test its own; make it an instance field");
        }
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        boolean databaseFieldsToo = !PostgresRegistration.isRegistered(context)
                && !TestSetup.of(annotation(context)).inMemory();
        for (Object instance : context.getRequiredTestInstances().getAllInstances()) {
            List<Field> fields = ReflectionSupport.findFields(instance.getClass(),
                    field -> !Modifier.isStatic(field.getModifiers()) && !Modifier.isFinal(field.getModifiers())
                            && (OWN_TYPES.contains(field.getType())
                                    || databaseFieldsToo && DATABASE_TYPES.contains(field.getType())),
                    HierarchyTraversalMode.TOP_DOWN);
            for (Field field : fields) {
                inject(field, instance, valueFor(field.getType(), fixture(context), context, "field " + field));
            }
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        Class<?> type = parameterContext.getParameter().getType();
        return OWN_TYPES.contains(type)
                || DATABASE_TYPES.contains(type) && !PostgresRegistration.isRegistered(extensionContext);
    }

    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        String target = "parameter " + parameterContext.getParameter() + " of "
                + parameterContext.getDeclaringExecutable().getName();
        try {
            return valueFor(parameterContext.getParameter().getType(), fixture(extensionContext), extensionContext,
                    target);
        } catch (ExtensionConfigurationException e) {
            String message = e.getMessage().startsWith(target) ? e.getMessage()
                    : "cannot inject " + target + ": " + e.getMessage();
            throw new ParameterResolutionException(message, e);
        }
    }

    private static Object valueFor(Class<?> type, TestFixture fixture, ExtensionContext context, String target) {
        if (type == Scheduler.class) {
            return fixture.scheduler();
        }
        if (type == Context.class) {
            return fixture.context();
        }
        if (type == Registry.class) {
            return fixture.registry();
        }
        if (type == Storage.class) {
            return fixture.storage();
        }
        if (type == EventRecorder.class) {
            return fixture.recorder();
        }
        if (type == InMemoryStorage.class) {
            if (fixture.storage() instanceof InMemoryStorage memory) {
                return memory;
            }
            throw new ExtensionConfigurationException(target + " wants the in-memory storage, but the test uses @LibresTest("
                    + fixture.setup().describeStorage() + "); declare it as a Storage, or use the in-memory storage");
        }
        TestDatabase database = fixture.database().orElseThrow(() -> new ExtensionConfigurationException(target
                + " wants a database, but the test uses @LibresTest(" + fixture.setup().describeStorage()
                + "), which has none; choose a SQL storage, or add @WithPostgres for a database beside it"));
        return type == DataSource.class ? database.dataSource() : database;
    }

    private static void inject(Field field, Object instance, Object value) {
        try {
            field.setAccessible(true);
            field.set(instance, value);
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new ExtensionConfigurationException("cannot inject into " + field, e);
        }
    }

    private static LibresTest annotation(ExtensionContext context) {
        for (Optional<ExtensionContext> current = Optional.of(context); current.isPresent();
                current = current.get().getParent()) {
            ExtensionContext level = current.get();
            Optional<LibresTest> found = level.getTestMethod()
                    .flatMap(method -> AnnotationSupport.findAnnotation(method, LibresTest.class))
                    .or(() -> level.getTestClass()
                            .flatMap(testClass -> AnnotationSupport.findAnnotation(testClass, LibresTest.class)));
            if (found.isPresent()) {
                return found.get();
            }
        }
        return Defaults.ANNOTATION;
    }

    /** The defaults of {@link LibresTest}, for a test that registers the extension with {@code @ExtendWith} alone. */
    @LibresTest
    private static final class Defaults {
        static final LibresTest ANNOTATION = Defaults.class.getAnnotation(LibresTest.class);
    }
}
