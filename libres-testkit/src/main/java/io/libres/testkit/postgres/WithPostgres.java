package io.libres.testkit.postgres;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Gives a test class a real, isolated PostgreSQL database through {@link PostgresExtension}:
 * non-final fields and parameters of type {@link javax.sql.DataSource} or {@link TestDatabase}
 * receive it. May also be put on another annotation, which then carries the extension.
 *
 * <pre>{@code
 * @WithPostgres(isolation = Isolation.PER_TEST)
 * class BookingTest {
 *     DataSource dataSource;
 *
 *     @Test
 *     void startsEmpty(TestDatabase database) { ... }
 * }
 * }</pre>
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.ANNOTATION_TYPE})
@ExtendWith(PostgresExtension.class)
public @interface WithPostgres {

    /**
     * Chooses whether each test class or each test gets its own database.
     *
     * @return the isolation; {@link Isolation#PER_CLASS} unless set
     */
    Isolation isolation() default Isolation.PER_CLASS;
}
