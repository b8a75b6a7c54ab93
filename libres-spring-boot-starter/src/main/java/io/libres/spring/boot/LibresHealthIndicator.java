package io.libres.spring.boot;

import io.libres.db.SchemaReport;
import io.libres.spi.Storage;
import java.util.function.Supplier;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * Up when the storage answers and holds every table, column, type and index libres needs
 * ({@code validateSchema()}); down, with what is missing, otherwise.
 */
public final class LibresHealthIndicator extends AbstractHealthIndicator {

    private final Supplier<Storage> storage;

    /**
     * Creates the indicator.
     *
     * @param storage supplies the libres storage on each check
     */
    public LibresHealthIndicator(Supplier<Storage> storage) {
        super("libres health check failed");
        this.storage = storage;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        SchemaReport report = storage.get().validateSchema();
        builder.withDetail("schema", report.schema());
        if (report.isComplete()) {
            builder.up();
        } else {
            builder.down().withDetail("problems", report.problems());
        }
    }
}
