package io.libres.testkit.junit;

import static org.assertj.core.api.Assertions.assertThat;

import io.libres.db.Scheduler;
import io.libres.spi.Storage;
import io.libres.testkit.memory.InMemoryStorage;

import java.time.ZoneId;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(LibresExtension.class)
@DisplayName("LibresExtension registered without @LibresTest")
class ExtendWithAloneTest {

    @Test
    @DisplayName("uses the annotation's defaults")
    void defaults(Scheduler scheduler, Storage storage) {
        assertThat(scheduler.zone()).isEqualTo(ZoneId.of(LibresTest.DEFAULT_ZONE));
        assertThat(scheduler.name()).isEqualTo("test");
        assertThat(scheduler.context().name()).isEqualTo("test");
        assertThat(storage).isInstanceOf(InMemoryStorage.class);
    }
}
