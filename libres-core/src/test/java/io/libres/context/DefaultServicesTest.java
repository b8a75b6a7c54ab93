package io.libres.context;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.libres.errors.ContextIsLocked;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DefaultServicesTest {

    private final Registry registry = Registry.createDefault();

    @ParameterizedTest(name = "accepts \"{0}\"")
    @ValueSource(strings = {"a@b.c", "test@example.org", "first.last+tag@sub.example.co.uk", "o'brien@example.org",
        "\"quoted\"@example.org", "j\u00f6rg@b\u00fccher.example", "user_1-x@\u4f8b\u3048.jp", "a@b.c.d.e"})
    @DisplayName("the email validator accepts the valid addresses libres' pattern matches")
    void emailAccepted(String email) {
        EmailValidator validator = registry.masterContext().getService(DefaultServices.EMAIL_VALIDATOR);

        assertThat(validator.isValidEmail(email)).isTrue();
        assertThat(validator.problem(email)).isEmpty();
    }

    @ParameterizedTest(name = "newly rejects \"{0}\"")
    @ValueSource(strings = {"a@b.c@d", "a@b.c d", "a b@c.d", "x@y.z\nfoo", "a@example.org\nBcc: x@evil.org",
        "a@example.org\r\nBcc: x@evil.org", "a@example.org <script>", "<a@example.org>", "a@example.org,b@evil.org",
        "a@example.org;b@evil.org", "a\tb@example.org", "a\u00a0b@example.org", "a\u2028b@example.org",
        "a\u0007@example.org", "\"john doe\"@example.org"})
    @DisplayName("the email validator rejects what could inject a mail header, though libres' pattern matches it")
    void emailNewlyRejected(String email) {
        EmailValidator validator = registry.masterContext().getService(DefaultServices.EMAIL_VALIDATOR);

        assertThat(java.util.regex.Pattern.compile("[^@]+@[^@]+\\.[^@]+").matcher(email).lookingAt())
                .as("libres 1.2 accepts it").isTrue();
        assertThat(validator.isValidEmail(email)).isFalse();
        assertThat(validator.problem(email)).get().asString()
                .containsAnyOf("line break", "control character", "whitespace", "angle bracket", "list separator",
                        "not one address");
    }

    @Test
    @DisplayName("the email validator names the character that could inject a header, and where it is")
    void emailProblemNamed() {
        EmailValidator validator = registry.masterContext().getService(DefaultServices.EMAIL_VALIDATOR);

        assertThat(validator.problem("a@example.org\nBcc: x@evil.org")).contains(
                "it contains a line break (U+000A at index 13), which could inject a mail header");
        assertThat(validator.problem("a@example.org <script>")).get().asString().contains("whitespace");
        assertThat(validator.problem("a@example.org<script>")).get().asString().contains("angle bracket");
    }

    @Test
    @DisplayName("a validator of one's own stays a one-line lambda, and its refusals get a default problem")
    void ownValidator() {
        EmailValidator own = email -> email.endsWith("@example.org");

        assertThat(own.problem("a@example.com")).contains("the email validator refuses it");
        assertThat(own.problem("a@example.org")).isEmpty();
    }

    @ParameterizedTest(name = "rejects \"{0}\"")
    @ValueSource(strings = {"a@b", "@b.c", "a@.c", "a@b.", "", "a@b@c.d", "plain"})
    @DisplayName("the email validator rejects what libres' pattern does not match")
    void emailRejected(String email) {
        EmailValidator validator = registry.masterContext().getService(DefaultServices.EMAIL_VALIDATOR);

        assertThat(validator.isValidEmail(email)).isFalse();
    }

    @Test
    @DisplayName("the email validator rejects null")
    void emailNull() {
        assertThat(registry.masterContext().getService(DefaultServices.EMAIL_VALIDATOR).isValidEmail(null))
                .isFalse();
    }

    @Test
    @DisplayName("the uuid generator computes uuid5(namespace, \"<context>/<name>\") as libres 1.2 does")
    void uuidGeneratorKnownValues() {
        Context myApp = registry.registerContext("my_app");

        assertThat(registry.masterContext().getService(DefaultServices.UUID_GENERATOR).generateUuid("rooms"))
                .isEqualTo(UUID.fromString("faa09dd5-cb49-52fe-8848-465de5bbbd2a"));
        assertThat(myApp.getService(DefaultServices.UUID_GENERATOR).generateUuid("rooms"))
                .isEqualTo(UUID.fromString("d8a22e9e-cccc-5279-82fd-e7c50ad96c2c"));
        Context foo = registry.registerContext("foo");
        assertThat(foo.getService(DefaultServices.UUID_GENERATOR).generateUuid("Café Zürich"))
                .isEqualTo(UUID.fromString("eb1abda4-97e3-5d8f-8baf-a91d5b0086a2"));
    }

    @Test
    @DisplayName("the uuid generator follows the uuid_namespace of the context it is asked from")
    void uuidGeneratorFollowsNamespace() {
        Context app = registry.registerContext("master-like");
        UuidGenerator generator = app.getService(DefaultServices.UUID_GENERATOR);
        UUID before = generator.generateUuid("rooms");

        app.setSetting(Settings.UUID_NAMESPACE, new UUID(0, 0));

        assertThat(generator.generateUuid("rooms")).isNotEqualTo(before);
        Registry other = Registry.createDefault();
        Context zero = other.registerContext("master-like");
        zero.setSetting(Settings.UUID_NAMESPACE, new UUID(0, 0));
        assertThat(zero.getService(DefaultServices.UUID_GENERATOR).generateUuid("rooms"))
                .isEqualTo(generator.generateUuid("rooms"));
    }

    @Test
    @DisplayName("the default services are found by their libres names too")
    void byName() {
        Context app = registry.registerContext("my_app");

        assertThat(app.getService("email_validator")).isInstanceOf(EmailValidator.class);
        assertThat(app.getService("uuid_generator", UuidGenerator.class).generateUuid("rooms"))
                .isEqualTo(UUID.fromString("d8a22e9e-cccc-5279-82fd-e7c50ad96c2c"));
        assertThat(app.hasService("email_validator")).isTrue();
        assertThat(app.hasService("uuid_generator")).isTrue();
    }

    @Test
    @DisplayName("the master context of a default registry is locked; a context may override a default service")
    void overrideDefaultService() {
        assertThatThrownBy(() -> registry.masterContext().setService(DefaultServices.EMAIL_VALIDATOR, c -> e -> true))
                .isInstanceOf(ContextIsLocked.class)
                .hasMessageContaining("'email_validator'");
        Context strict = registry.registerContext("strict");

        strict.setService(DefaultServices.EMAIL_VALIDATOR, context -> email -> false);

        assertThat(strict.getService(DefaultServices.EMAIL_VALIDATOR).isValidEmail("a@b.c")).isFalse();
        assertThat(registry.masterContext().getService(DefaultServices.EMAIL_VALIDATOR).isValidEmail("a@b.c"))
                .isTrue();
    }

    @Test
    @DisplayName("an empty registry has no default services")
    void emptyRegistry() {
        Context master = Registry.createEmpty().masterContext();

        assertThat(master.hasService("email_validator")).isFalse();
        assertThat(master.isLocked()).isFalse();
    }
}
