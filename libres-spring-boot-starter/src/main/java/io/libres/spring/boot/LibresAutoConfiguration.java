package io.libres.spring.boot;

import io.libres.context.Context;
import io.libres.context.Registry;
import io.libres.db.Scheduler;
import io.libres.micrometer.LibresMetrics;
import io.libres.spi.JsonCodec;
import io.libres.spi.Ports;
import io.libres.spi.Storage;
import io.libres.spi.StoragePorts;
import javax.sql.DataSource;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.util.ClassUtils;

/**
 * Configures libres from what the application has: a {@link Storage} on its {@code DSLContext}
 * (jOOQ adapter; joins Spring-managed transactions through Boot's jOOQ transaction provider) or
 * its {@link DataSource} (JDBI adapter; joins Spring-managed transactions through a
 * {@link SpringTransactionBinding}), or the one {@code libres.storage} names; a
 * {@link JsonCodec} on its Jackson {@code ObjectMapper} or {@code Gson}; a {@link Context} from
 * the {@code libres.*} properties; a {@link Schedulers} bean; a health indicator; and
 * {@link LibresMetrics} where Micrometer is present. Every bean backs off when the application
 * defines its own.
 */
@AutoConfiguration(afterName = {
        "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
        "org.springframework.boot.jooq.autoconfigure.JooqAutoConfiguration",
        "org.springframework.boot.gson.autoconfigure.GsonAutoConfiguration",
        "org.springframework.boot.jackson2.autoconfigure.Jackson2AutoConfiguration"})
@ConditionalOnClass(Scheduler.class)
@EnableConfigurationProperties(LibresProperties.class)
@Import({LibresAutoConfiguration.HealthConfiguration.class, LibresAutoConfiguration.MetricsConfiguration.class})
public class LibresAutoConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(LibresAutoConfiguration.class);

    /** Created by Spring. */
    public LibresAutoConfiguration() {
    }

    /**
     * The libres context: named by {@code libres.context-name}, with the storage and JSON codec
     * beans as its services.
     *
     * @param properties the properties
     * @param storageBean the storage bean, if any (else the context discovers one from its settings)
     * @param codec the JSON codec bean, if any (else the context discovers one)
     * @return the context
     * @throws io.libres.errors.InvalidSetting if a property holds a value libres refuses
     */
    @Bean
    @ConditionalOnMissingBean
    public Context libresContext(LibresProperties properties, ObjectProvider<Storage> storageBean,
            ObjectProvider<JsonCodec> codec) {
        Context context = Registry.createDefault().registerContext(properties.contextName());
        if (properties.uuidNamespace() != null) {
            context.setSetting("uuid_namespace", properties.uuidNamespace());
        }
        if (properties.dsn() != null && !properties.dsn().isBlank()) {
            context.setSetting("dsn", properties.dsn());
            LibresProperties.Pool pool = properties.poolOrDefault();
            poolSetting(context, "libres.pool.size", io.libres.context.Settings.POOL_SIZE, pool.size());
            poolSetting(context, "libres.pool.connection-timeout", io.libres.context.Settings.POOL_CONNECTION_TIMEOUT,
                    pool.connectionTimeout());
            poolSetting(context, "libres.pool.idle-timeout", io.libres.context.Settings.POOL_IDLE_TIMEOUT,
                    pool.idleTimeout());
            if (properties.storage() != null && !properties.storage().isBlank()) {
                context.setSetting("storage", properties.storage());
            }
        }
        Storage storage = storageBean.getIfAvailable();
        if (storage != null) {
            context.setService(StoragePorts.STORAGE.key(), c -> storage, true);
        }
        JsonCodec json = codec.getIfAvailable();
        if (json != null) {
            context.setService(Ports.JSON.key(), c -> json, true);
        }
        if (properties.setupDatabase()) {
            context.getService(StoragePorts.STORAGE).setupDatabase();
        }
        LOG.info("libres context '{}' on {}{}", context.name(),
                storage == null ? "the storage its settings name" : storage.getClass().getSimpleName(),
                json == null ? "" : " with " + json.getClass().getSimpleName());
        return context;
    }

    private static <T> void poolSetting(Context context, String property, io.libres.context.Setting<T> setting, T value) {
        if (value == null) {
            return;
        }
        try {
            context.setSetting(setting, value);
        } catch (io.libres.errors.InvalidSetting e) {
            throw new io.libres.errors.InvalidSetting(property + " is " + value + ": " + e.getMessage());
        }
    }

    /**
     * The application's schedulers by name.
     *
     * @param context the libres context
     * @param properties the properties ({@code libres.zone})
     * @return the factory
     */
    @Bean
    @ConditionalOnMissingBean
    public Schedulers libresSchedulers(Context context, LibresProperties properties) {
        return new Schedulers(context, properties.zoneOrDefault());
    }

    /**
     * The JSON codec on the application's Jackson 2 {@code ObjectMapper}, else on its {@code Gson}
     * (each with its libres module present); none if the application has neither, and the context
     * then discovers one.
     *
     * @param beans the application's beans
     * @return the codec, or null for none
     */
    @Bean
    @ConditionalOnMissingBean(JsonCodec.class)
    public JsonCodec libresJsonCodec(ListableBeanFactory beans) {
        if (present("io.libres.json.jackson.JacksonJsonCodec") && present("com.fasterxml.jackson.databind.ObjectMapper")
                && JacksonCodec.has(beans)) {
            return JacksonCodec.create(beans);
        }
        if (present("io.libres.json.gson.GsonJsonCodec") && present("com.google.gson.Gson") && GsonCodec.has(beans)) {
            return GsonCodec.create(beans);
        }
        return null;
    }

    /**
     * The storage: the adapter {@code libres.storage} names, else jOOQ on the application's
     * {@code DSLContext} (which joins its Spring-managed transactions), else JDBI on its
     * {@code DataSource}.
     *
     * @param properties the properties
     * @param beans the application's beans
     * @param codec the JSON codec bean, if any
     * @return the storage, or null if {@code libres.dsn} is set or the application has no data
     *     source (the context then makes its storage, and its pool, from its settings)
     * @throws io.libres.errors.InvalidSetting if {@code libres.storage} names an adapter that is not
     *     on the class path, or names neither
     */
    @Bean
    @ConditionalOnMissingBean(Storage.class)
    public Storage libresStorage(LibresProperties properties, ListableBeanFactory beans, ObjectProvider<JsonCodec> codec) {
        String choice = properties.storage();
        boolean jooq = present("io.libres.jooq.JooqStorage") && present("org.jooq.DSLContext");
        boolean jdbi = present("io.libres.jdbi.JdbiStorage");
        JsonCodec json = codec.getIfAvailable();
        if (choice != null && !choice.isBlank()) {
            if (!choice.equals("jooq") && !choice.equals("jdbi")) {
                throw new io.libres.errors.InvalidSetting("libres.storage is '" + choice + "'; expected jdbi or jooq");
            }
            if (choice.equals("jooq") ? !jooq : !jdbi) {
                throw new io.libres.errors.InvalidSetting("libres.storage names " + choice + ", but io.libres:libres-"
                        + choice + "-adapter is not on the class path; add it, or name the other adapter");
            }
        }
        if (properties.dsn() != null && !properties.dsn().isBlank()) {
            // libres owns its pool: the context makes the storage from its dsn setting
            return null;
        }
        boolean hasDataSource = beans.getBeanNamesForType(DataSource.class).length > 0;
        if ((choice == null || choice.equals("jooq")) && jooq && JooqStore.has(beans)) {
            return JooqStore.onDsl(beans, json);
        }
        if (!hasDataSource) {
            return null;
        }
        if ("jooq".equals(choice)) {
            return JooqStore.onDataSource(beans.getBean(DataSource.class), json);
        }
        if (jdbi) {
            return JdbiStore.onDataSource(beans.getBean(DataSource.class), json);
        }
        return jooq ? JooqStore.onDataSource(beans.getBean(DataSource.class), json) : null;
    }

    private static boolean present(String className) {
        return ClassUtils.isPresent(className, LibresAutoConfiguration.class.getClassLoader());
    }

    /** Touches Jackson only when it is present. */
    private static final class JacksonCodec {
        static boolean has(ListableBeanFactory beans) {
            return beans.getBeanNamesForType(com.fasterxml.jackson.databind.ObjectMapper.class).length > 0;
        }

        static JsonCodec create(ListableBeanFactory beans) {
            return io.libres.json.jackson.JacksonJsonCodec.using(beans.getBean(com.fasterxml.jackson.databind.ObjectMapper.class));
        }
    }

    /** Touches Gson only when it is present. */
    private static final class GsonCodec {
        static boolean has(ListableBeanFactory beans) {
            return beans.getBeanNamesForType(com.google.gson.Gson.class).length > 0;
        }

        static JsonCodec create(ListableBeanFactory beans) {
            return io.libres.json.gson.GsonJsonCodec.using(beans.getBean(com.google.gson.Gson.class));
        }
    }

    /** Touches JDBI only when it is present. */
    private static final class JdbiStore {
        static Storage onDataSource(DataSource dataSource, JsonCodec json) {
            io.libres.jdbi.JdbiStorage.Builder builder = io.libres.jdbi.JdbiStorage.builder().dataSource(dataSource);
            if (present("org.springframework.jdbc.datasource.DataSourceUtils")) {
                // bookings join the application's Spring-managed transactions on this data source
                builder.transactionBinding(new SpringTransactionBinding(dataSource));
            }
            return json == null ? builder.build() : builder.jsonCodec(json).build();
        }
    }

    /** Touches jOOQ only when it is present. */
    private static final class JooqStore {
        static boolean has(ListableBeanFactory beans) {
            return beans.getBeanNamesForType(DSLContext.class).length > 0;
        }

        static Storage onDsl(ListableBeanFactory beans, JsonCodec json) {
            io.libres.jooq.JooqStorage.Builder builder = io.libres.jooq.JooqStorage.builder()
                    .dsl(beans.getBean(DSLContext.class));
            return json == null ? builder.build() : builder.jsonCodec(json).build();
        }

        static Storage onDataSource(DataSource dataSource, JsonCodec json) {
            io.libres.jooq.JooqStorage.Builder builder = io.libres.jooq.JooqStorage.builder().dataSource(dataSource);
            return json == null ? builder.build() : builder.jsonCodec(json).build();
        }
    }

    /** The health indicator, where Spring Boot's health module is present. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.springframework.boot.health.contributor.AbstractHealthIndicator")
    static class HealthConfiguration {

        @Bean
        @ConditionalOnMissingBean(name = "libresHealthIndicator")
        LibresHealthIndicator libresHealthIndicator(Context context) {
            return new LibresHealthIndicator(() -> context.getService(StoragePorts.STORAGE));
        }
    }

    /** The metrics binder, where Micrometer and libres-micrometer are present; Boot binds it to its registries. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = {"io.libres.micrometer.LibresMetrics", "io.micrometer.core.instrument.MeterRegistry"})
    static class MetricsConfiguration {

        @Bean
        @ConditionalOnMissingBean
        LibresMetrics libresMetrics(Context context) {
            return LibresMetrics.of(context);
        }
    }
}
