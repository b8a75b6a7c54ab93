package io.libres.context.discovery;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;

/**
 * A class loader that shows ServiceLoader exactly the provider entries a test
 * chooses for the greeter port, and loads every class from the test class path.
 */
final class ServiceFilesClassLoader extends ClassLoader {

    private static final String GREETER_FILE = "META-INF/services/" + GreeterProvider.class.getName();

    private final URL servicesFile;

    private ServiceFilesClassLoader(URL servicesFile) {
        super("greeter-test", ServiceFilesClassLoader.class.getClassLoader());
        this.servicesFile = servicesFile;
    }

    /**
     * Makes a loader whose greeter services file lists these entries (class names, or anything
     * else to simulate a broken entry); no entries means no services file at all.
     */
    static ClassLoader listing(Path directory, String... entries) {
        if (entries.length == 0) {
            return new ServiceFilesClassLoader(null);
        }
        try {
            Path file = Files.createTempFile(directory, "greeter", ".services");
            Files.write(file, List.of(entries));
            return new ServiceFilesClassLoader(file.toUri().toURL());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String entry(Class<?> provider) {
        return provider.getName();
    }

    @Override
    public Enumeration<URL> getResources(String name) throws IOException {
        if (GREETER_FILE.equals(name)) {
            return servicesFile == null ? Collections.emptyEnumeration() : Collections.enumeration(List.of(servicesFile));
        }
        return super.getResources(name);
    }
}
