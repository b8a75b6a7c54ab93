package io.libres.testkit.junit.internal;

import io.libres.spi.StorageProvider;
import io.libres.testkit.junit.LibresTest;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Optional;

import org.junit.jupiter.api.extension.ExtensionConfigurationException;

/**
 * What one {@link LibresTest} asks for, checked.
 *
 * @param zone the scheduler's zone
 * @param storage the storage choice: {@link LibresTest#IN_MEMORY}, {@link LibresTest#DISCOVERED} or a provider name
 * @param providerClass the provider class to use, if one was given
 * @param contextName the context's name
 * @param schedulerName the scheduler's name
 */
public record TestSetup(ZoneId zone, String storage, Optional<Class<? extends StorageProvider>> providerClass,
        String contextName, String schedulerName) {

    /**
     * Reads and checks an annotation.
     *
     * @param annotation the annotation
     * @return the setup
     * @throws ExtensionConfigurationException if a value is blank or not understood, or both a
     *     storage and a provider class are given
     */
    public static TestSetup of(LibresTest annotation) {
        ZoneId zone;
        try {
            zone = ZoneId.of(annotation.zone());
        } catch (DateTimeException e) {
            throw new ExtensionConfigurationException("@LibresTest(zone = \"" + annotation.zone()
                    + "\") is not a zone ID; expected a region such as \"Europe/Zurich\" or an offset such as \"UTC\"", e);
        }
        requireNotBlank(annotation.storage(), "storage", "\"" + LibresTest.IN_MEMORY + "\", \""
                + LibresTest.DISCOVERED + "\" or a storage provider's name");
        requireNotBlank(annotation.context(), "context", "a context name such as \"test\"");
        requireNotBlank(annotation.scheduler(), "scheduler", "a scheduler name such as \"test\"");
        Optional<Class<? extends StorageProvider>> providerClass = annotation.storageProvider() == StorageProvider.class
                ? Optional.empty() : Optional.of(annotation.storageProvider());
        if (providerClass.isPresent() && !annotation.storage().equals(LibresTest.IN_MEMORY)) {
            throw new ExtensionConfigurationException("@LibresTest sets both storage = \"" + annotation.storage()
                    + "\" and storageProvider = " + providerClass.get().getName() + "; expected only one of them");
        }
        return new TestSetup(zone, annotation.storage(), providerClass, annotation.context(), annotation.scheduler());
    }

    /**
     * Tells whether the storage lives in memory, with no database.
     *
     * @return {@code true} for the in-memory storage
     */
    public boolean inMemory() {
        return providerClass.isEmpty() && storage.equals(LibresTest.IN_MEMORY);
    }

    /**
     * Describes the storage choice for messages.
     *
     * @return for example {@code storage = "in-memory"}
     */
    public String describeStorage() {
        return providerClass.map(type -> "storageProvider = " + type.getSimpleName() + ".class")
                .orElse("storage = \"" + storage + "\"");
    }

    private static void requireNotBlank(String value, String attribute, String expected) {
        if (value.isBlank()) {
            throw new ExtensionConfigurationException("@LibresTest(" + attribute + " = \"" + value
                    + "\") is blank; expected " + expected);
        }
    }
}
