package io.libres.testkit.junit.internal;

import io.libres.context.Context;
import io.libres.context.Settings;
import io.libres.errors.LibresException;
import io.libres.spi.Storage;
import io.libres.spi.StoragePorts;
import io.libres.spi.StorageProvider;
import io.libres.testkit.junit.LibresTest;
import io.libres.testkit.memory.InMemoryStorage;
import io.libres.testkit.postgres.TestDatabase;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;

import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.platform.commons.support.ReflectionSupport;

/** Installs the storage a {@link TestSetup} asks for on a test's context. */
public final class StorageChoice {

    private StorageChoice() {
    }

    /**
     * Installs the storage on a fresh context and prepares it: the in-memory storage as it is; a
     * SQL storage with the test database as the context's {@code dsn} and its tables created.
     *
     * @param setup what the test asks for
     * @param context the test's context, unlocked
     * @param database the test database; needed for a SQL storage only
     * @return the storage, installed
     * @throws ExtensionConfigurationException if the provider cannot be made, none of the asked
     *     name is found, discovery or setup fails, or a SQL storage has no database; the message
     *     says what to change
     */
    public static Storage install(TestSetup setup, Context context, Optional<TestDatabase> database) {
        if (setup.inMemory()) {
            return InMemoryStorage.installOn(context);
        }
        TestDatabase sql = database.orElseThrow(() -> new ExtensionConfigurationException("@LibresTest("
                + setup.describeStorage() + ") needs a database, but none was given"));
        context.setSetting(Settings.DSN, Dsn.of(sql));
        if (setup.providerClass().isPresent()) {
            useProvider(context, instantiate(setup.providerClass().get()));
        } else if (!setup.storage().equals(LibresTest.DISCOVERED)) {
            useProvider(context, named(setup.storage(), context.discoveryClassLoader()));
        }
        try {
            Storage storage = context.getService(StoragePorts.STORAGE);
            storage.setupDatabase();
            return storage;
        } catch (LibresException e) {
            throw new ExtensionConfigurationException("@LibresTest(" + setup.describeStorage()
                    + ") could not make its storage: " + e.getMessage(), e);
        }
    }

    private static void useProvider(Context context, StorageProvider provider) {
        context.setService(StoragePorts.STORAGE.key(), ctx -> provider.create(ctx), true);
    }

    private static StorageProvider instantiate(Class<? extends StorageProvider> type) {
        try {
            return ReflectionSupport.newInstance(type);
        } catch (RuntimeException e) {
            throw new ExtensionConfigurationException("@LibresTest(storageProvider = " + type.getName()
                    + ".class) cannot be made with a no-argument constructor: " + e, e);
        }
    }

    private static StorageProvider named(String name, ClassLoader classLoader) {
        List<String> found = new ArrayList<>();
        Iterator<StorageProvider> providers = ServiceLoader.load(StorageProvider.class, classLoader).iterator();
        while (true) {
            StorageProvider provider;
            try {
                if (!providers.hasNext()) {
                    break;
                }
                provider = providers.next();
            } catch (ServiceConfigurationError e) {
                found.add("(one failed to load: " + e.getMessage() + ")");
                continue;
            }
            if (provider.name().equals(name)) {
                return provider;
            }
            found.add(provider.name());
        }
        throw new ExtensionConfigurationException("@LibresTest(storage = \"" + name
                + "\") names no storage provider on the class path; found " + (found.isEmpty() ? "none" : found)
                + "; expected \"" + LibresTest.IN_MEMORY + "\", \"" + LibresTest.DISCOVERED
                + "\" or the name of a provider listed in META-INF/services/" + StorageProvider.class.getName());
    }
}
