package io.libres.testkit.junit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;

@DisplayName("The JUnit version check")
class JUnitVersionTest {

    @Test
    @DisplayName("passes on the JUnit of this build, which is the one the build says (5.10 in libres-testkit-junit510)")
    void passesHere() {
        assertThatCode(JUnitVersion::require).doesNotThrowAnyException();
        assertThat(ExtensionContext.class.getPackage().getImplementationVersion())
                .isEqualTo(System.getProperty("libres.expectedJUnit"));
    }

    @Test
    @DisplayName("fails fast naming the minimum when the marker type of 5.10 is missing")
    void failsOnOlder() {
        assertThatThrownBy(() -> JUnitVersion.require(getClass().getClassLoader(), "org.junit.jupiter.api.NotThere"))
                .isInstanceOf(ExtensionConfigurationException.class)
                .hasMessageContaining("needs JUnit Jupiter 5.10 or newer").hasMessageContaining("but found");
    }
}
