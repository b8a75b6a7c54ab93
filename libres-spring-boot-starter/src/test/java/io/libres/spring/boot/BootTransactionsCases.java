package io.libres.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.libres.db.Scheduler;
import io.libres.db.Work;
import io.libres.spi.Storage;
import io.libres.testkit.postgres.PostgresServer;
import io.libres.testkit.postgres.TestDatabase;
import io.libres.time.DateRange;
import java.time.LocalDateTime;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * A Spring Boot application on real PostgreSQL whose {@code @Transactional} service books through
 * libres and writes its own row: both commit together and roll back together. Run once per adapter
 * ({@link JooqBootTransactionsTest}, {@link JdbiBootTransactionsTest}).
 */
@SpringBootTest(classes = BootTransactionsCases.ShopApplication.class,
        properties = {"libres.context-name=shop", "libres.setup-database=true", "libres.zone=Europe/Zurich"})
abstract class BootTransactionsCases {

    /**
     * The adapter the application's libres runs on.
     *
     * @return the storage type the auto-configuration is to build
     */
    abstract Class<? extends Storage> expectedStorage();

    private static final DateRange NINE = DateRange.of(LocalDateTime.of(2031, 3, 3, 9, 0),
            LocalDateTime.of(2031, 3, 3, 10, 0));
    private static TestDatabase database;

    @DynamicPropertySource
    static void datasource(DynamicPropertyRegistry registry) {
        database = PostgresServer.shared().createDatabase("boot");
        registry.add("spring.datasource.url", database::jdbcUrl);
        registry.add("spring.datasource.username", database::user);
        registry.add("spring.datasource.password", database::password);
    }

    @AfterAll
    static void dropDatabase() {
        PostgresServer.shared().dropDatabase(database);
    }

    @SpringBootApplication
    @org.springframework.context.annotation.Import(Checkout.class)
    static class ShopApplication {
    }

    /** The application's own service: books and writes its order in one Spring-managed transaction. */
    @Service
    static class Checkout {

        private final Schedulers schedulers;
        private final JdbcTemplate jdbc;

        Checkout(Schedulers schedulers, JdbcTemplate jdbc) {
            this.schedulers = schedulers;
            this.jdbc = jdbc;
        }

        @Transactional(isolation = Isolation.SERIALIZABLE)
        public UUID bookAndRecord(String email, boolean paymentRefused) {
            Scheduler room = schedulers.get("room");
            UUID token;
            try (Work work = room.begin()) {
                token = room.reserve(email, NINE);
                room.approveReservations(token);
                work.commit();
            }
            jdbc.update("INSERT INTO orders (token, email) VALUES (?, ?)", token, email);
            if (paymentRefused) {
                throw new IllegalStateException("payment refused");
            }
            return token;
        }
    }

    @Autowired
    Checkout checkout;
    @Autowired
    Schedulers schedulers;
    @Autowired
    Storage storage;
    @Autowired
    JdbcTemplate jdbc;

    @BeforeEach
    void prepare() {
        jdbc.execute("CREATE TABLE IF NOT EXISTS orders (token uuid PRIMARY KEY, email text NOT NULL)");
        jdbc.execute("TRUNCATE orders");
        jdbc.execute("TRUNCATE reserved_slots, reservations, reservation_blockers, allocations");
        Scheduler room = schedulers.get("room");
        room.allocate(NINE, io.libres.db.AllocateOptions.builder().quota(5).build());
        room.commit();
    }

    private int count(String sql, Object... args) {
        return jdbc.queryForObject(sql, Integer.class, args);
    }

    @Test
    @DisplayName("commits the booking and the service's own row together")
    void committedTogether() {
        UUID token = checkout.bookAndRecord("alice@example.org", false);

        assertThat(storage).isInstanceOf(expectedStorage());
        assertThat(count("SELECT count(*) FROM orders WHERE token = ?", token)).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM reservations WHERE token = ? AND status = 'approved'", token)).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM reserved_slots WHERE reservation_token = ?", token)).isEqualTo(1);
    }

    @Test
    @DisplayName("rolls back the booking and the service's own row together")
    void rolledBackTogether() {
        assertThatThrownBy(() -> checkout.bookAndRecord("bob@example.org", true))
                .isInstanceOf(IllegalStateException.class);

        assertThat(count("SELECT count(*) FROM orders")).isZero();
        assertThat(count("SELECT count(*) FROM reservations WHERE email = ?", "bob@example.org")).isZero();
        assertThat(count("SELECT count(*) FROM reserved_slots")).isZero();
        assertThat(count("SELECT count(*) FROM allocations")).isEqualTo(1);
    }
}
