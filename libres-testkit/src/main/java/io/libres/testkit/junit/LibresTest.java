package io.libres.testkit.junit;

import io.libres.spi.StorageProvider;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Gives every test a ready scheduler of its own, through {@link LibresExtension}: a fresh
 * {@link io.libres.context.Registry} ({@code Registry.createDefault()}), a context registered in
 * it, a fresh storage installed on that context, an {@link EventRecorder} listening to it, and a
 * scheduler. Nothing one test writes is seen by the next.
 *
 * <pre>{@code
 * @LibresTest                                   // in-memory storage, Europe/Zurich
 * class BookingTest {
 *     Scheduler scheduler;                      // injected before each test
 *
 *     @Test
 *     void books(EventRecorder events) { ... }  // parameters work too
 * }
 * }</pre>
 *
 * <p>Put on a test method, it overrides the class's settings for that test (another zone, say).
 * May also be put on another annotation, which then carries the extension.
 *
 * <p>The storage is chosen by {@link #storage()} and {@link #storageProvider()}: the in-memory
 * storage unless set; otherwise a SQL storage on a fresh PostgreSQL database from
 * {@link io.libres.testkit.postgres.PostgresServer#shared()}, one per test class, or one per
 * test together with {@code @WithPostgres(isolation = Isolation.PER_TEST)}. See
 * {@link LibresExtension} for what is injected.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@ExtendWith(LibresExtension.class)
public @interface LibresTest {

    /** The value of {@link #storage()} for the in-memory storage of {@code io.libres.testkit.memory}. */
    String IN_MEMORY = "in-memory";

    /**
     * The value of {@link #storage()} for the storage the context discovers on the class path
     * (the single {@link StorageProvider}, else the one of highest priority), on a fresh
     * PostgreSQL database.
     */
    String DISCOVERED = "discovered";

    /** The zone of the scheduler unless set: Europe/Zurich, which has DST, as libres' own tests use. */
    String DEFAULT_ZONE = "Europe/Zurich";

    /**
     * The zone of the injected scheduler, as a zone ID. Europe/Zurich unless set, so whole days
     * and DST changes are exercised by default; {@code "UTC"} for a zone without DST.
     *
     * @return the zone ID, for example {@code "Europe/Zurich"} or {@code "UTC"}
     */
    String zone() default DEFAULT_ZONE;

    /**
     * The storage: {@link #IN_MEMORY} (the default), {@link #DISCOVERED}, or the
     * {@link StorageProvider#name() name} of a provider announced on the class path. Every
     * choice but {@link #IN_MEMORY} runs on a fresh PostgreSQL database whose JDBC URL (with
     * user and password) is the context's {@code dsn} setting, and calls
     * {@link io.libres.spi.Storage#setupDatabase()} before the test.
     *
     * @return the storage choice
     */
    String storage() default IN_MEMORY;

    /**
     * A storage provider class to use instead of a discovered one, made with its no-argument
     * constructor, on a fresh PostgreSQL database as with {@link #DISCOVERED}. Leave
     * {@link #storage()} unset when giving one.
     *
     * @return the provider class; {@code StorageProvider.class} itself means none
     */
    Class<? extends StorageProvider> storageProvider() default StorageProvider.class;

    /**
     * The name of the context registered in each test's own registry.
     *
     * @return the context name; {@code "test"} unless set
     */
    String context() default "test";

    /**
     * The name of the injected scheduler; with the context name it makes the scheduler's resource.
     *
     * @return the scheduler name; {@code "test"} unless set
     */
    String scheduler() default "test";
}
