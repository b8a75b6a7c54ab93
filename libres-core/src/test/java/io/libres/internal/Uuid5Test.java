package io.libres.internal;

import io.libres.errors.InvalidArgument;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The expected values were computed once with Python's uuid.uuid5, the reference libres 1.2 uses. */
class Uuid5Test {

    private static final UUID LIBRES_NAMESPACE = UUID.fromString("49326ef9-fbc0-4ac0-9508-b0bbd75d42f7");

    @ParameterizedTest(name = "uuid5(libres namespace, \"{0}\") = {1}")
    @CsvSource(delimiter = '|', value = {
        "master/rooms     | faa09dd5-cb49-52fe-8848-465de5bbbd2a",
        "my_app/rooms     | d8a22e9e-cccc-5279-82fd-e7c50ad96c2c",
        "master/          | 5eed0b61-f3a9-504d-b00a-399c7d7dfc17",
        "foo/Café Zürich  | eb1abda4-97e3-5d8f-8baf-a91d5b0086a2",
        "ctx/会议室        | c5e831da-fef8-5d70-9e3a-481da5844196",
        "ctx/😀 emoji     | a49d7262-1c89-5e42-bdb2-635a4f64ad8d",
    })
    @DisplayName("computes the same UUID as Python's uuid.uuid5, for ASCII and non-ASCII names")
    void matchesPython(String name, String expected) {
        assertThat(Uuid5.of(LIBRES_NAMESPACE, name)).isEqualTo(UUID.fromString(expected));
    }

    @Test
    @DisplayName("hashes the empty name too")
    void emptyName() {
        assertThat(Uuid5.of(LIBRES_NAMESPACE, "")).isEqualTo(UUID.fromString("5c8a03e5-21e2-50af-80f4-26ca7250683d"));
    }

    @ParameterizedTest(name = "mirror {0} of master/rooms is {1}")
    @CsvSource({
        "1,  bdb234ef-0cd3-52a1-aa10-7026f32b7151",
        "2,  5cb47e3c-66f6-5f37-9fb4-ddf8e973c5e8",
        "10, 45e9455c-0c1b-558e-a23e-5254a469a5a2",
    })
    @DisplayName("derives quota mirror resources from a master resource as libres does")
    void mirrorResources(String mirror, String expected) {
        UUID master = Uuid5.of(LIBRES_NAMESPACE, "master/rooms");
        assertThat(Uuid5.of(master, mirror)).isEqualTo(UUID.fromString(expected));
    }

    @Test
    @DisplayName("matches the RFC 4122 example namespaces as Python computes them")
    void dnsNamespace() {
        UUID dns = UUID.fromString("6ba7b810-9dad-11d1-80b4-00c04fd430c8");
        assertThat(Uuid5.of(dns, "python.org")).isEqualTo(UUID.fromString("886313e1-3b8a-5372-9b90-0c9aee199e5d"));
        UUID zero = new UUID(0, 0);
        assertThat(Uuid5.of(zero, "master/rooms")).isEqualTo(UUID.fromString("8bb57503-3407-5c84-822d-e8f806b72811"));
    }

    @Test
    @DisplayName("makes version 5 UUIDs of the RFC 4122 variant")
    void versionAndVariant() {
        UUID uuid = Uuid5.of(LIBRES_NAMESPACE, "anything");
        assertThat(uuid.version()).isEqualTo(5);
        assertThat(uuid.variant()).isEqualTo(2);
    }

    @Test
    @DisplayName("refuses a name with a lone surrogate, which has no UTF-8 form, instead of hashing a '?'")
    void loneSurrogate() {
        assertThatThrownBy(() -> Uuid5.of(LIBRES_NAMESPACE, "bad\uD800name"))
                .isInstanceOf(InvalidArgument.class)
                .hasMessageContaining("lone surrogates");
    }

    @Test
    @DisplayName("refuses null namespace and null name")
    void nulls() {
        assertThatThrownBy(() -> Uuid5.of(null, "x")).isInstanceOf(InvalidArgument.class)
                .hasMessageContaining("namespace");
        assertThatThrownBy(() -> Uuid5.of(LIBRES_NAMESPACE, null)).isInstanceOf(InvalidArgument.class)
                .hasMessageContaining("name");
    }
}
