package io.libres.context.internal;

import io.libres.errors.AmbiguousProviders;
import io.libres.errors.ProviderNotFound;
import io.libres.spi.LibresProvider;
import io.libres.spi.Port;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.Spliterator;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Chooses the provider of a port among those {@link ServiceLoader} finds: the one
 * the context names in the setting of the port's service name (for example
 * {@code storage = "jooq"}), else the single usable one, else the one of highest
 * priority.
 *
 * <p>A provider that fails to load (a bad {@code META-INF/services} entry, a
 * missing class, a constructor that throws, a blank name) is logged and skipped,
 * so it never hides the others; if nothing usable remains, the error lists it.
 * Nothing is kept between calls: each context caches what it chose.
 */
public final class ProviderDiscovery {

    private static final Logger LOG = LoggerFactory.getLogger(ProviderDiscovery.class);

    /** Bounds the loop should a broken class path report the same failure forever. */
    private static final int MAX_FAILURES = 1_000;

    private ProviderDiscovery() {
    }

    /**
     * Discovers the providers of a port and chooses one.
     *
     * @param port the port
     * @param classLoader where to look for {@code META-INF/services} entries and provider classes
     * @param contextName the context asking, for messages
     * @param <P> the provider interface
     * @return the chosen provider
     * @throws ProviderNotFound if no usable provider is found; the message names the module to
     *     add and every provider that failed to load
     * @throws AmbiguousProviders if several usable providers share the highest priority; the
     *     message lists every candidate with its name, class and priority
     */
    public static <P extends LibresProvider> P select(Port<P, ?> port, ClassLoader classLoader, String contextName) {
        return select(port, classLoader, contextName, null);
    }

    /**
     * Discovers the providers of a port and chooses the one a context names, or, if it names
     * none, one as {@link #select(Port, ClassLoader, String)} does.
     *
     * @param port the port
     * @param classLoader where to look for {@code META-INF/services} entries and provider classes
     * @param contextName the context asking, for messages
     * @param chosenName the name of the provider the context's setting names, or null for none
     * @param <P> the provider interface
     * @return the chosen provider
     * @throws ProviderNotFound if no usable provider is found, or none of the chosen name; the
     *     message names the providers found and the module to add
     * @throws AmbiguousProviders if no name is chosen and several usable providers share the
     *     highest priority; the message lists every candidate and says how to choose
     */
    public static <P extends LibresProvider> P select(Port<P, ?> port, ClassLoader classLoader, String contextName,
            String chosenName) {
        List<Candidate<P>> usable = new ArrayList<>();
        List<String> broken = new ArrayList<>();
        load(port, classLoader, usable, broken);
        if (usable.isEmpty()) {
            throw new ProviderNotFound(notFoundMessage(port, contextName, broken));
        }
        if (chosenName != null) {
            Candidate<P> named = usable.stream().filter(candidate -> candidate.name().equals(chosenName)).findFirst()
                    .orElseThrow(() -> new ProviderNotFound("The '" + port.serviceName() + "' setting of context '"
                            + contextName + "' names the provider '" + chosenName + "', but the providers of the '"
                            + port.serviceName() + "' port on the class path are "
                            + usable.stream().map(Candidate::name).collect(Collectors.joining(", "))
                            + "; expected one of these names"
                            + (broken.isEmpty() ? "" : " (failed to load: " + String.join("; ", broken) + ")")
                            + ", or add " + port.missingModules() + " to the dependencies."));
            logChoice(port, contextName, named, usable, "named by its '" + port.serviceName() + "' setting");
            return named.provider();
        }
        usable.sort(Comparator.comparingInt((Candidate<P> candidate) -> candidate.priority()).reversed());
        Candidate<P> chosen = usable.get(0);
        if (usable.size() > 1 && usable.get(1).priority() == chosen.priority()) {
            throw new AmbiguousProviders(ambiguousMessage(port, contextName, usable));
        }
        logChoice(port, contextName, chosen, usable, "of the highest priority");
        return chosen.provider();
    }

    /** Several providers on the class path are worth knowing about: the choice is logged at INFO then. */
    private static <P extends LibresProvider> void logChoice(Port<P, ?> port, String contextName, Candidate<P> chosen,
            List<Candidate<P>> usable, String why) {
        if (usable.size() == 1) {
            LOG.debug("Context '{}' uses {} for the '{}' port", contextName, chosen, port.serviceName());
            return;
        }
        String others = usable.stream().filter(candidate -> candidate != chosen).map(Candidate::toString)
                .collect(Collectors.joining(", "));
        LOG.info("Context '{}' uses {} for the '{}' port, {}; also found: {}", contextName, chosen, port.serviceName(),
                why, others);
    }

    private static <P extends LibresProvider> void load(
            Port<P, ?> port, ClassLoader classLoader, List<Candidate<P>> usable, List<String> broken) {
        Spliterator<ServiceLoader.Provider<P>> providers =
                ServiceLoader.load(port.providerType(), classLoader).stream().spliterator();
        boolean more = true;
        while (more) {
            try {
                more = providers.tryAdvance(provider -> instantiate(port, provider, usable, broken));
            } catch (ServiceConfigurationError e) {
                // The lookup moves past a bad entry, so the next advance continues with the next one.
                report(port, "an entry of META-INF/services/" + port.providerType().getName(), e, broken);
                more = broken.size() < MAX_FAILURES;
            }
        }
    }

    private static <P extends LibresProvider> void instantiate(
            Port<P, ?> port, ServiceLoader.Provider<P> provider, List<Candidate<P>> usable, List<String> broken) {
        String className = provider.type().getName();
        try {
            P instance = provider.get();
            String name = instance.name();
            if (name == null || name.isBlank()) {
                report(port, className, new IllegalStateException("its name() is blank"), broken);
                return;
            }
            usable.add(new Candidate<>(instance, name, instance.priority()));
        } catch (ServiceConfigurationError | RuntimeException | LinkageError e) {
            // LinkageError: a provider whose own dependency (Jackson, say) is missing from the class path.
            report(port, className, e, broken);
        }
    }

    private static void report(Port<?, ?> port, String what, Throwable failure, List<String> broken) {
        String reason = failure.getMessage() != null ? failure.getMessage() : failure.getClass().getName();
        Throwable cause = failure.getCause();
        if (cause != null && cause != failure) {
            reason += " (caused by " + cause + ")";
        }
        broken.add(what + ": " + reason);
        LOG.warn("A provider of the '{}' port failed to load and is skipped: {}", port.serviceName(), what, failure);
    }

    private static String notFoundMessage(Port<?, ?> port, String contextName, List<String> broken) {
        StringBuilder message = new StringBuilder()
                .append("No provider of the '").append(port.serviceName()).append("' port (")
                .append(port.providerType().getName()).append(") was found for context '").append(contextName)
                .append("': add ").append(port.missingModules())
                .append(" to the dependencies, or set the '").append(port.serviceName())
                .append("' service on the context.");
        if (!broken.isEmpty()) {
            message.append(" Providers that failed to load: ").append(String.join("; ", broken)).append('.');
        }
        return message.toString();
    }

    private static <P extends LibresProvider> String ambiguousMessage(
            Port<?, ?> port, String contextName, List<Candidate<P>> candidates) {
        int top = candidates.get(0).priority();
        String listed = candidates.stream().map(Candidate::toString).collect(Collectors.joining(", "));
        return "Several providers of the '" + port.serviceName() + "' port share the highest priority " + top
                + " for context '" + contextName + "': " + listed
                + ". Choose one by its name with the context's '" + port.serviceName() + "' setting (for example"
                + " context.setSetting(\"" + port.serviceName() + "\", \"" + candidates.get(0).name() + "\")), keep"
                + " one of them on the class path, give one a higher priority, or set the '" + port.serviceName()
                + "' service on the context.";
    }

    private record Candidate<P extends LibresProvider>(P provider, String name, int priority) {

        @Override
        public String toString() {
            return name + " (" + provider.getClass().getName() + ", priority " + priority + ")";
        }
    }
}
