package io.libres.db;

import io.libres.Libres;
import io.libres.context.Context;
import io.libres.context.Registry;
import io.libres.db.internal.MirrorKeys;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class ResourceKeysTest {

    // Computed with Python: uuid5(UUID('49326ef9-...'), 'my_app/meeting-room'), then uuid5(that, '1') and '2'.
    private static final UUID RESOURCE = UUID.fromString("a4074ab9-fd48-5c02-a023-0acba6d9e290");

    @Test
    @DisplayName("a scheduler's resource is the one libres 1.2 computes for the same context and name")
    void resource() {
        Context context = Registry.createDefault().registerContext("my_app");
        Scheduler scheduler = Libres.newScheduler(context, "meeting-room", ZoneId.of("Europe/Zurich"));
        assertThat(scheduler.resource()).isEqualTo(RESOURCE);
        assertThat(scheduler.clone().resource()).isEqualTo(RESOURCE);
        assertThat(scheduler.zone()).isEqualTo(ZoneId.of("Europe/Zurich"));
        Scheduler blocked = Libres.newScheduler(context, "other", ZoneId.of("UTC"), List.of("meeting-room"));
        assertThat(blocked.blockingResources()).containsExactly(RESOURCE);
        assertThat(blocked.blockingNames()).containsExactly("meeting-room");
    }

    @Test
    @DisplayName("mirror resources are the ones libres 1.2 computes")
    void mirrors() {
        assertThat(MirrorKeys.of(RESOURCE, 3)).containsExactly(
                UUID.fromString("600e5601-ac85-598e-b3e4-c47c096e53a4"),
                UUID.fromString("6945a375-eff3-511d-b01c-a04f2bd9b45d"));
        assertThat(MirrorKeys.of(RESOURCE, 1)).isEmpty();
    }

    @Test
    @DisplayName("a scheduler without a name or zone, or blocking itself, is refused")
    void invalidScheduler() {
        Context context = Registry.createDefault().registerContext("my_app");
        ZoneId zone = ZoneId.of("UTC");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Libres.newScheduler(context, " ", zone))
                .isInstanceOf(io.libres.errors.LibresException.class).hasMessageContaining("blank");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Libres.newScheduler(context, "room", null))
                .isInstanceOf(io.libres.errors.LibresException.class).hasMessageContaining("zone");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Libres.newScheduler(context, "room", zone, List.of("room")))
                .isInstanceOf(io.libres.errors.LibresException.class).hasMessageContaining("cannot block itself");
    }
}
