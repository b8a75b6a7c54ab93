package io.libres.context.discovery;

import static io.libres.context.discovery.ServiceFilesClassLoader.entry;
import static io.libres.context.discovery.ServiceFilesClassLoader.listing;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.libres.context.Context;
import io.libres.context.Registry;
import io.libres.context.discovery.TestProviders.Counting;
import io.libres.context.discovery.TestProviders.Empty;
import io.libres.context.discovery.TestProviders.English;
import io.libres.context.discovery.TestProviders.Exploding;
import io.libres.context.discovery.TestProviders.French;
import io.libres.context.discovery.TestProviders.German;
import io.libres.context.discovery.TestProviders.Greeting;
import io.libres.context.discovery.TestProviders.Mute;
import io.libres.context.discovery.TestProviders.Nameless;
import io.libres.context.discovery.TestProviders.NotAProvider;
import io.libres.context.discovery.TestProviders.Shy;
import io.libres.errors.AmbiguousProviders;
import io.libres.errors.ContextIsLocked;
import io.libres.errors.InvalidService;
import io.libres.errors.ProviderNotFound;
import io.libres.errors.UnknownService;
import io.libres.spi.JsonCodec;
import io.libres.spi.Ports;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PortDiscoveryTest {

    @TempDir
    Path dir;

    private final Registry registry = Registry.createDefault();

    private Context contextSeeing(String name, String... entries) {
        Context context = registry.registerContext(name);
        context.setDiscoveryClassLoader(listing(dir, entries));
        return context;
    }

    private static String greetingOf(Context context) {
        return context.getService(GreeterPorts.GREETER).greet("you");
    }

    @Nested
    @DisplayName("the order of resolution")
    class Order {

        @Test
        @DisplayName("an explicit service on the context wins over discovered providers, even ambiguous ones")
        void explicitWins() {
            Context app = contextSeeing("app", entry(German.class), entry(French.class));
            Greeter own = who -> "own greeting for " + who;

            app.setService(GreeterPorts.GREETER.key(), context -> own, true);

            assertThat(app.getService(GreeterPorts.GREETER)).isSameAs(own);
        }

        @Test
        @DisplayName("an explicit service inherited from master wins over the context's providers")
        void inheritedExplicitWins() {
            Registry empty = Registry.createEmpty();
            empty.masterContext().setService("greeter", context -> (Greeter) who -> "master's greeting");
            Context app = empty.registerContext("app");
            app.setDiscoveryClassLoader(listing(dir, entry(German.class)));

            assertThat(app.getService(GreeterPorts.GREETER).greet("x")).isEqualTo("master's greeting");
        }

        @Test
        @DisplayName("a single provider is used, whatever its priority")
        void singleProvider() {
            Context app = contextSeeing("app", entry(Shy.class));

            assertThat(greetingOf(app)).isEqualTo("shy greets you in app");
        }

        @Test
        @DisplayName("among several providers the highest priority wins, in any order")
        void highestPriority() {
            Context one = contextSeeing("one", entry(English.class), entry(German.class), entry(Shy.class));
            Context two = contextSeeing("two", entry(German.class), entry(Shy.class), entry(English.class));

            assertThat(greetingOf(one)).isEqualTo("german greets you in one");
            assertThat(greetingOf(two)).isEqualTo("german greets you in two");
        }

        @Test
        @DisplayName("a tie at the top gives AmbiguousProviders listing name, class and priority of the candidates")
        void tie() {
            Context app = contextSeeing("app", entry(English.class), entry(German.class), entry(French.class));

            assertThatThrownBy(() -> app.getService(GreeterPorts.GREETER))
                    .isInstanceOf(AmbiguousProviders.class)
                    .hasMessageContaining("'greeter' port")
                    .hasMessageContaining("highest priority 10")
                    .hasMessageContaining("'app'")
                    .hasMessageContaining("german (" + German.class.getName() + ", priority 10)")
                    .hasMessageContaining("french (" + French.class.getName() + ", priority 10)")
                    .hasMessageContaining("english (" + English.class.getName() + ", priority 0)");
        }

        @Test
        @DisplayName("a tie is resolved by naming the provider in the setting of the port's name")
        void tieResolvedBySetting() {
            Context app = contextSeeing("app", entry(German.class), entry(French.class));
            assertThatThrownBy(() -> app.getService(GreeterPorts.GREETER)).isInstanceOf(AmbiguousProviders.class)
                    .hasMessageContaining("context.setSetting(\"greeter\", \"");

            app.setSetting("greeter", "french");

            assertThat(greetingOf(app)).isEqualTo("french greets you in app");
        }

        @Test
        @DisplayName("the setting picks a provider of lower priority too, and a changed setting picks anew")
        void settingPicksAndRepicks() {
            Context app = contextSeeing("app", entry(English.class), entry(German.class));
            app.setSetting("greeter", "english");
            assertThat(greetingOf(app)).isEqualTo("english greets you in app");

            app.setSetting("greeter", "german");

            assertThat(greetingOf(app)).isEqualTo("german greets you in app");
        }

        @Test
        @DisplayName("a setting naming no provider found gives ProviderNotFound listing the names found")
        void settingNamesNone() {
            Context app = contextSeeing("app", entry(German.class), entry(French.class));
            app.setSetting("greeter", "klingon");

            assertThatThrownBy(() -> app.getService(GreeterPorts.GREETER)).isInstanceOf(ProviderNotFound.class)
                    .hasMessageContaining("'klingon'").hasMessageContaining("german")
                    .hasMessageContaining("french").hasMessageContaining("expected one of these names");
        }

        @Test
        @DisplayName("a setting that is not a name gives InvalidSetting")
        void settingNotAName() {
            Context app = contextSeeing("app", entry(German.class));
            app.setSetting("greeter", 42);

            assertThatThrownBy(() -> app.getService(GreeterPorts.GREETER))
                    .isInstanceOf(io.libres.errors.InvalidSetting.class).hasMessageContaining("'greeter' setting")
                    .hasMessageContaining("is 42");
        }

        @Test
        @DisplayName("a tie is resolved by setting the service explicitly")
        void tieResolvedExplicitly() {
            Context app = contextSeeing("app", entry(German.class), entry(French.class));
            assertThatThrownBy(() -> app.getService(GreeterPorts.GREETER)).isInstanceOf(AmbiguousProviders.class);

            app.setService(GreeterPorts.GREETER.key(), context -> new French().create(context), true);

            assertThat(greetingOf(app)).isEqualTo("french greets you in app");
        }

        @Test
        @DisplayName("no provider gives ProviderNotFound naming the port, the context and the Maven module to add")
        void none() {
            Context app = contextSeeing("app");

            assertThatThrownBy(() -> app.getService(GreeterPorts.GREETER))
                    .isInstanceOf(ProviderNotFound.class)
                    .hasMessageContaining("'greeter' port (" + GreeterProvider.class.getName() + ")")
                    .hasMessageContaining("context 'app'")
                    .hasMessageContaining("add libres-greeter-test")
                    .hasMessageNotContaining("failed to load");
        }

        @Test
        @DisplayName("a failed discovery is not remembered: a provider added later is found")
        void failureNotCached() {
            Context app = contextSeeing("app");
            assertThatThrownBy(() -> app.getService(GreeterPorts.GREETER)).isInstanceOf(ProviderNotFound.class);

            app.setDiscoveryClassLoader(listing(dir, entry(English.class)));

            assertThat(greetingOf(app)).isEqualTo("english greets you in app");
        }

        @Test
        @DisplayName("the JSON port without a JSON module names libres-json-jackson3, libres-json-jackson or libres-json-gson")
        void jsonPortNamesModules() {
            Context app = registry.registerContext("app");

            assertThatThrownBy(() -> app.getService(Ports.JSON))
                    .isInstanceOf(ProviderNotFound.class)
                    .hasMessageContaining("'json' port (io.libres.spi.JsonCodecProvider)")
                    .hasMessageContaining("add libres-json-jackson3, libres-json-jackson or libres-json-gson");
        }

        @Test
        @DisplayName("the JSON port is satisfied by an explicit codec")
        void jsonPortExplicit() {
            Context app = registry.registerContext("app");
            JsonCodec codec = new JsonCodec() {
                @Override
                public String toJson(Object value) {
                    return "null";
                }

                @Override
                public Object fromJson(String json) {
                    return null;
                }
            };

            app.setService(Ports.JSON.key(), context -> codec, true);

            assertThat(app.getService(Ports.JSON)).isSameAs(codec);
        }
    }

    @Nested
    @DisplayName("broken providers")
    class Broken {

        @Test
        @DisplayName("do not hide the usable ones: a missing class, a non-provider, a failing constructor, a bad name")
        void skipped() {
            Context app = contextSeeing("app",
                    "io.libres.context.discovery.NoSuchProvider",
                    entry(NotAProvider.class),
                    entry(Exploding.class),
                    entry(Nameless.class),
                    entry(Mute.class),
                    entry(English.class));

            assertThat(greetingOf(app)).isEqualTo("english greets you in app");
        }

        @Test
        @DisplayName("are listed in ProviderNotFound when nothing usable remains")
        void listedWhenNothingRemains() {
            Context app = contextSeeing("app",
                    "io.libres.context.discovery.NoSuchProvider",
                    entry(NotAProvider.class),
                    entry(Exploding.class),
                    entry(Nameless.class),
                    entry(Mute.class));

            assertThatThrownBy(() -> app.getService(GreeterPorts.GREETER))
                    .isInstanceOf(ProviderNotFound.class)
                    .hasMessageContaining("add libres-greeter-test")
                    .hasMessageContaining("Providers that failed to load")
                    .hasMessageContaining("NoSuchProvider")
                    .hasMessageContaining(NotAProvider.class.getName())
                    .hasMessageContaining(Exploding.class.getName())
                    .hasMessageContaining("exploding provider refuses to start")
                    .hasMessageContaining(Nameless.class.getName() + ": its name() is blank")
                    .hasMessageContaining(Mute.class.getName());
        }

        @Test
        @DisplayName("do not count in a tie: one usable provider next to broken ones of higher priority is chosen")
        void brokenDoNotTie() {
            Context app = contextSeeing("app", entry(Exploding.class), entry(Mute.class), entry(Shy.class));

            assertThat(greetingOf(app)).isEqualTo("shy greets you in app");
        }

        @Test
        @DisplayName("a provider that makes null gives InvalidService naming it")
        void providerMakesNull() {
            Context app = contextSeeing("app", entry(Empty.class));

            assertThatThrownBy(() -> app.getService(GreeterPorts.GREETER))
                    .isInstanceOf(InvalidService.class)
                    .hasMessageContaining("'empty'")
                    .hasMessageContaining(Empty.class.getName())
                    .hasMessageContaining("'greeter' port");
        }
    }

    @Nested
    @DisplayName("scope and caching")
    class Scope {

        @Test
        @DisplayName("the default class loader sees the test class path's META-INF/services, broken entries skipped")
        void defaultClassLoader() {
            Context app = registry.registerContext("app");

            assertThat(greetingOf(app)).isEqualTo("german greets you in app");
        }

        @Test
        @DisplayName("a locked master context discovers too, and its choice is its own")
        void lockedMaster() {
            Context master = registry.masterContext();

            assertThat(master.isLocked()).isTrue();
            assertThat(greetingOf(master)).isEqualTo("german greets you in master");
        }

        @Test
        @DisplayName("each context discovers with its own class loader; other contexts are unaffected")
        void perContext() {
            Context english = contextSeeing("english", entry(English.class));
            Context german = contextSeeing("german", entry(German.class));
            Context plain = registry.registerContext("plain");

            assertThat(greetingOf(english)).isEqualTo("english greets you in english");
            assertThat(greetingOf(german)).isEqualTo("german greets you in german");
            assertThat(greetingOf(plain)).isEqualTo("german greets you in plain");
        }

        @Test
        @DisplayName("the discovery class loader is inherited from master")
        void classLoaderInherited() {
            Registry empty = Registry.createEmpty();
            ClassLoader loader = listing(dir, entry(Shy.class));
            empty.masterContext().setDiscoveryClassLoader(loader);
            Context app = empty.registerContext("app");

            assertThat(app.discoveryClassLoader()).isSameAs(loader);
            assertThat(greetingOf(app)).isEqualTo("shy greets you in app");
        }

        @Test
        @DisplayName("a locked context refuses a new discovery class loader")
        void lockedClassLoader() {
            assertThatThrownBy(() -> registry.masterContext().setDiscoveryClassLoader(listing(dir)))
                    .isInstanceOf(ContextIsLocked.class)
                    .hasMessageContaining("discovery class loader");
        }

        @Test
        @DisplayName("a cached port's service is made once per context; the provider is discovered once per context")
        void cachedPerContext() {
            int before = Counting.INSTANCES.get();
            Context one = contextSeeing("one", entry(Counting.class));
            Context two = contextSeeing("two", entry(Counting.class));

            Greeter first = one.getService(GreeterPorts.GREETER);
            Greeter again = one.getService(GreeterPorts.GREETER);
            Greeter ofTwo = two.getService(GreeterPorts.GREETER);

            assertThat(again).isSameAs(first);
            assertThat(ofTwo).isNotSameAs(first);
            assertThat(ofTwo.greet("you")).isEqualTo("counting greets you in two");
            assertThat(Counting.INSTANCES.get() - before).isEqualTo(2);
        }

        @Test
        @DisplayName("an uncached port asks its provider for a new service each time, discovering only once")
        void uncachedPort() {
            int before = Counting.INSTANCES.get();
            Context app = contextSeeing("app", entry(Counting.class));

            Greeter first = app.getService(GreeterPorts.UNCACHED_GREETER);
            Greeter second = app.getService(GreeterPorts.UNCACHED_GREETER);

            assertThat(second).isNotSameAs(first);
            assertThat(Counting.INSTANCES.get() - before).isEqualTo(1);
        }

        @Test
        @DisplayName("setting the service explicitly after discovery replaces the discovered one and stops it")
        void explicitAfterDiscovery() {
            Context app = contextSeeing("app", entry(English.class));
            Greeting discovered = (Greeting) app.getService(GreeterPorts.GREETER);

            app.setService(GreeterPorts.GREETER.key(), context -> who -> "explicit", true);

            assertThat(app.getService(GreeterPorts.GREETER).greet("x")).isEqualTo("explicit");
            assertThat(discovered.stops).hasValue(1);
        }

        @Test
        @DisplayName("a service set explicitly on master after a context discovered wins there too, stopping the old")
        void explicitOnParentAfterDiscovery() {
            Registry empty = Registry.createEmpty();
            Context app = empty.registerContext("app");
            app.setDiscoveryClassLoader(listing(dir, entry(English.class)));
            Greeting discovered = (Greeting) app.getService(GreeterPorts.GREETER);

            empty.masterContext().setService(GreeterPorts.GREETER.key(), context -> who -> "from master", true);

            assertThat(app.getService(GreeterPorts.GREETER).greet("x")).isEqualTo("from master");
            assertThat(discovered.stops).hasValue(1);
        }

        @Test
        @DisplayName("discovery only happens through the port: by name alone the service is unknown")
        void byNameIsUnknown() {
            Context app = contextSeeing("app", entry(English.class));
            app.getService(GreeterPorts.GREETER);

            assertThat(app.hasService("greeter")).isFalse();
            assertThatThrownBy(() -> app.getService("greeter")).isInstanceOf(UnknownService.class);
        }

        @Test
        @DisplayName("an explicit service of the wrong type for the port gives InvalidService")
        void wrongExplicitType() {
            Context app = contextSeeing("app", entry(English.class));
            app.setService("greeter", context -> "not a greeter");

            assertThatThrownBy(() -> app.getService(GreeterPorts.GREETER))
                    .isInstanceOf(InvalidService.class)
                    .hasMessageContaining(Greeter.class.getName());
        }
    }
}
