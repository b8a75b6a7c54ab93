package io.libres.context;

import io.libres.errors.InvalidArgument;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.libres.errors.ContextIsLocked;
import io.libres.errors.InvalidSetting;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ContextSettingsTest {

    private final Registry registry = Registry.createDefault();

    @Test
    @DisplayName("the master context holds libres' defaults: the uuid namespace and no dsn")
    void defaults() {
        Context master = registry.masterContext();

        assertThat(master.getSetting("uuid_namespace"))
                .isEqualTo(UUID.fromString("49326ef9-fbc0-4ac0-9508-b0bbd75d42f7"));
        assertThat(master.hasSetting("dsn")).isTrue();
        assertThat(master.getSetting("dsn")).isNull();
        assertThat(master.uuidNamespace()).isEqualTo(Settings.DEFAULT_UUID_NAMESPACE);
        assertThat(master.dsn()).isEmpty();
        assertThat(master.isLocked()).isTrue();
    }

    @Test
    @DisplayName("a registered context inherits settings from master until it sets its own")
    void inheritance() {
        Registry empty = Registry.createEmpty();
        empty.masterContext().setSetting("host", "localhost");
        Context myApp = empty.registerContext("my_app");
        assertThat(myApp.getSetting("host")).isEqualTo("localhost");

        myApp.switchTo();
        myApp.setSetting("host", "remotehost");
        assertThat(myApp.getSetting("host")).isEqualTo("remotehost");
        assertThat(empty.masterContext().getSetting("host")).isEqualTo("localhost");

        Context another = empty.registerContext("another_app");
        another.switchTo();
        assertThat(another.getSetting("host")).isEqualTo("localhost");
    }

    @Test
    @DisplayName("typed settings: a context's own value wins over the inherited one")
    void typedSettings() {
        Context app = registry.registerContext("app");
        UUID namespace = UUID.fromString("00000000-0000-0000-0000-000000000001");

        app.setSetting(Settings.UUID_NAMESPACE, namespace);
        app.setSetting(Settings.DSN, "jdbc:postgresql://localhost:5432/libres");

        assertThat(app.uuidNamespace()).isEqualTo(namespace);
        assertThat(app.getSetting(Settings.UUID_NAMESPACE)).isEqualTo(namespace);
        assertThat(app.dsn()).contains("jdbc:postgresql://localhost:5432/libres");
        assertThat(app.getSetting("dsn")).isEqualTo("jdbc:postgresql://localhost:5432/libres");
        assertThat(registry.masterContext().uuidNamespace()).isEqualTo(Settings.DEFAULT_UUID_NAMESPACE);
        assertThat(registry.masterContext().dsn()).isEmpty();
    }

    @Test
    @DisplayName("a typed setting set nowhere falls back to its default; an untyped one to null")
    void unsetSettings() {
        Context bare = Registry.createEmpty().registerContext("bare");

        assertThat(bare.hasSetting("uuid_namespace")).isFalse();
        assertThat(bare.uuidNamespace()).isEqualTo(Settings.DEFAULT_UUID_NAMESPACE);
        assertThat(bare.dsn()).isEmpty();
        assertThat(bare.getSetting("no_such_setting")).isNull();
        assertThat(bare.hasSetting("no_such_setting")).isFalse();
    }

    @Test
    @DisplayName("a dsn may be reset to null, which then hides the inherited value")
    void nullDsn() {
        Registry empty = Registry.createEmpty();
        empty.masterContext().setSetting(Settings.DSN, "jdbc:postgresql://db/libres");
        Context app = empty.registerContext("app");

        app.setSetting(Settings.DSN, null);

        assertThat(app.hasSetting("dsn")).isTrue();
        assertThat(app.dsn()).isEmpty();
    }

    @Test
    @DisplayName("a locked context refuses setting changes with ContextIsLocked and keeps its values")
    void locked() {
        Context master = registry.masterContext();

        assertThatThrownBy(() -> master.setSetting("dsn", "jdbc:postgresql://db/x"))
                .isInstanceOf(ContextIsLocked.class)
                .hasMessageContaining("'master'")
                .hasMessageContaining("'dsn'");
        assertThatThrownBy(() -> master.setSetting(Settings.UUID_NAMESPACE, UUID.randomUUID()))
                .isInstanceOf(ContextIsLocked.class);
        assertThat(master.dsn()).isEmpty();
        assertThat(master.uuidNamespace()).isEqualTo(Settings.DEFAULT_UUID_NAMESPACE);
    }

    @Test
    @DisplayName("lock and unlock toggle whether a context accepts changes")
    void lockAndUnlock() {
        Context context = registry.registerContext("test");
        context.setSetting("foo", "bar");
        context.lock();

        assertThatThrownBy(() -> context.setSetting("foo", "baz")).isInstanceOf(ContextIsLocked.class);
        assertThat(context.getSetting("foo")).isEqualTo("bar");

        context.unlock();
        context.setSetting("foo", "baz");
        assertThat(context.getSetting("foo")).isEqualTo("baz");
    }

    @Test
    @DisplayName("libres' settings are checked by name too: uuid_namespace must be a UUID, dsn a JDBC URL")
    void invalidValues() {
        Context app = registry.registerContext("app");

        assertThatThrownBy(() -> app.setSetting("uuid_namespace", "49326ef9-fbc0-4ac0-9508-b0bbd75d42f7"))
                .isInstanceOf(InvalidSetting.class)
                .hasMessageContaining("'uuid_namespace'")
                .hasMessageContaining("java.lang.String");
        assertThatThrownBy(() -> app.setSetting("uuid_namespace", null))
                .isInstanceOf(InvalidSetting.class)
                .hasMessageContaining("must not be null");
        assertThatThrownBy(() -> app.setSetting(Settings.UUID_NAMESPACE, null))
                .isInstanceOf(InvalidSetting.class);
        app.setSetting(Settings.DSN, "postgresql+psycopg2://user@localhost/db");
        assertThat(app.dsn()).contains("postgresql+psycopg2://user@localhost/db");
        assertThatThrownBy(() -> app.setSetting(Settings.DSN, "host=localhost password=s3cret dbname=db"))
                .isInstanceOf(InvalidSetting.class)
                .hasMessageContaining("'dsn'")
                .hasMessageContaining("JDBC URL")
                .hasMessageContaining("password=***")
                .hasMessageNotContaining("s3cret");
        assertThatThrownBy(() -> app.setSetting("dsn", 42))
                .isInstanceOf(InvalidSetting.class);
        assertThatThrownBy(() -> app.setSetting("dsn", "jdbc:"))
                .isInstanceOf(InvalidSetting.class);

        assertThat(app.hasSetting("uuid_namespace")).isTrue();
        assertThat(app.uuidNamespace()).isEqualTo(Settings.DEFAULT_UUID_NAMESPACE);
        assertThat(app.dsn()).as("the refused values left the accepted libpq dsn")
                .contains("postgresql+psycopg2://user@localhost/db");
    }

    @Test
    @DisplayName("an invalid value is refused before the lock is even looked at, so nothing changes")
    void invalidOnLockedContext() {
        assertThatThrownBy(() -> registry.masterContext().setSetting("dsn", "not a url"))
                .isInstanceOf(InvalidSetting.class);
    }

    @Test
    @DisplayName("settings of the application's own can be declared typed, with a check")
    void ownSetting() {
        Setting<Integer> poolSize = Setting.of("pool_size", Integer.class, 5, "Connections to keep open.")
                .requiring(size -> size > 0, "a positive Integer");
        Context app = registry.registerContext("app");

        assertThat(app.getSetting(poolSize)).isEqualTo(5);
        app.setSetting(poolSize, 10);
        assertThat(app.getSetting(poolSize)).isEqualTo(10);
        assertThatThrownBy(() -> app.setSetting(poolSize, 0))
                .isInstanceOf(InvalidSetting.class)
                .hasMessageContaining("a positive Integer");
        assertThatThrownBy(() -> app.setSetting(poolSize, null)).isInstanceOf(InvalidSetting.class);

        app.setSetting("pool_size", "ten");
        assertThatThrownBy(() -> app.getSetting(poolSize))
                .isInstanceOf(InvalidSetting.class)
                .hasMessageContaining("'pool_size'");
    }

    @Test
    @DisplayName("Settings lists libres' settings and finds them by name")
    void settingsCatalogue() {
        assertThat(Settings.all()).containsExactly(Settings.UUID_NAMESPACE, Settings.DSN, Settings.POOL_SIZE,
                Settings.POOL_CONNECTION_TIMEOUT, Settings.POOL_IDLE_TIMEOUT, Settings.REPLICA_DSNS,
                Settings.REPLICA_WAIT, Settings.REPLICA_MAX_LAG);
        assertThat(Settings.byName("replica_wait")).containsSame(Settings.REPLICA_WAIT);
        assertThat(Settings.REPLICA_DSNS.isNullable()).isTrue();
        assertThat(Settings.byName("storage_pool_size")).containsSame(Settings.POOL_SIZE);
        assertThat(Settings.POOL_SIZE.defaultValue()).isEqualTo(10);
        assertThat(Settings.byName("dsn")).containsSame(Settings.DSN);
        assertThat(Settings.byName("nope")).isEmpty();
        assertThat(Settings.DSN.isNullable()).isTrue();
        assertThat(Settings.UUID_NAMESPACE.isNullable()).isFalse();
        assertThat(Settings.DSN.type()).isEqualTo(String.class);
        assertThat(Settings.DSN.description()).contains("JDBC URL");
        assertThat(Settings.DSN).hasToString("Setting[dsn: String]");
    }

    @Test
    @DisplayName("a setting needs a non-blank name")
    void settingDeclaration() {
        assertThatThrownBy(() -> Setting.of(" ", String.class, null, "x"))
                .isInstanceOf(InvalidArgument.class);
        assertThatThrownBy(() -> Setting.of(null, String.class, null, "x"))
                .isInstanceOf(InvalidArgument.class);
    }
}
