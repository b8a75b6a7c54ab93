package io.libres.testkit.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;
import static org.assertj.core.api.Assertions.tuple;

import io.libres.context.Context;
import io.libres.context.Registry;
import io.libres.db.AllocateOptions;
import io.libres.db.IntegrityCheck;
import io.libres.db.Scheduler;
import io.libres.db.models.Allocation;
import io.libres.db.models.Reservation;
import io.libres.db.models.ReservedSlot;
import io.libres.errors.AlreadyReservedError;
import io.libres.testkit.postgres.Isolation;
import io.libres.testkit.postgres.WithPostgres;
import io.libres.time.DateRange;
import io.libres.time.Raster;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Sharing a database with libres 1.2 (Python): rows shaped exactly as libres writes them are read,
 * reserved against, changed and removed; rows this adapter writes have libres' shape.
 */
@WithPostgres(isolation = Isolation.PER_TEST)
@DisplayName("sharing a database with libres 1.2")
public abstract class LibresCompatibilityKit extends SqlAdapterKit {

    private static final ZoneId ZURICH = ZoneId.of("Europe/Zurich");
    /** uuid5(libres' default namespace, 'compat/room'), computed with Python as libres does. */
    private static final UUID ROOM = UUID.fromString("84fbc971-c294-5d62-b3d1-ce2b5e17c376");
    /** uuid5(ROOM, '1') and uuid5(ROOM, '2'): the mirrors libres derives. */
    private static final UUID ROOM_MIRROR_1 = UUID.fromString("4cce7b42-ddff-5f25-b73a-98b543983c9f");
    private static final UUID ROOM_MIRROR_2 = UUID.fromString("caa3b5b4-b85a-5232-99be-199eab9a1195");
    /** uuid5(libres' default namespace, 'compat/written') and its first mirror. */
    private static final UUID WRITTEN = UUID.fromString("0f651524-0a7e-578d-8c64-4cd8a64ab27b");
    private static final UUID WRITTEN_MIRROR_1 = UUID.fromString("95c12489-f76e-59b8-bedb-d271c408147e");

    private static final UUID QUOTA_GROUP = UUID.fromString("a1a1a1a1-0000-4000-8000-000000000001");
    private static final UUID GROUPED = UUID.fromString("a1a1a1a1-0000-4000-8000-000000000003");
    private static final UUID ANNA = UUID.fromString("b0b0b0b0-0000-4000-8000-00000000000a");
    private static final UUID BERT = UUID.fromString("b0b0b0b0-0000-4000-8000-00000000000b");
    private static final UUID CARL = UUID.fromString("b0b0b0b0-0000-4000-8000-00000000000c");
    private static final UUID DORA = UUID.fromString("b0b0b0b0-0000-4000-8000-00000000000d");
    private static final UUID CART = UUID.fromString("c0c0c0c0-0000-4000-8000-000000000001");
    private static final UUID CLEANING = UUID.fromString("d0d0d0d0-0000-4000-8000-000000000001");


    private Context context;
    private Scheduler room;

    /** Creates the group. */
    protected LibresCompatibilityKit() {
    }

    @BeforeEach
    void loadLibresRows() throws Exception {
        context = Registry.createDefault().registerContext("compat");
        install(context, dataSource);
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
                InputStream rows = LibresCompatibilityKit.class.getResourceAsStream("libres-1.2-rows.sql")) {
            statement.execute(new String(rows.readAllBytes(), StandardCharsets.UTF_8));
        }
        room = new Scheduler(context, "room", ZURICH);
    }

    private static DateRange on(int month, int day, int fromHour, int fromMinute, int toHour, int toMinute) {
        return DateRange.of(LocalDateTime.of(2031, month, day, fromHour, fromMinute),
                LocalDateTime.of(2031, month, day, toHour, toMinute));
    }

    /** Every row of a query, each column as PostgreSQL's own text (no JVM zone in the way). */
    private List<Map<String, String>> rows(String sql) throws SQLException {
        List<Map<String, String>> rows = new ArrayList<>();
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery(sql)) {
            ResultSetMetaData meta = result.getMetaData();
            while (result.next()) {
                Map<String, String> row = new LinkedHashMap<>();
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    row.put(meta.getColumnLabel(i), result.getString(i));
                }
                rows.add(row);
            }
        }
        return rows;
    }

    private Map<String, String> row(String sql) throws SQLException {
        List<Map<String, String>> rows = rows(sql);
        assertThat(rows).as(sql).hasSize(1);
        return rows.get(0);
    }

    @Nested
    @DisplayName("rows written by libres")
    class WrittenByLibres {

        @Test
        @DisplayName("pass the integrity check: the scheduler's and the whole storage's")
        void passIntegrityCheck() {
            assertThat(room.checkIntegrity()).isEmpty();
            assertThat(IntegrityCheck.checkStorage(context)).isEmpty();
            assertThat(IntegrityCheck.checkResources(context, List.of(ROOM, WRITTEN))).isEmpty();
        }

        @Test
        @DisplayName("derive the same resource and mirror uuids and read back every column")
        void readsEveryColumn() {
            assertThat(room.resource()).isEqualTo(ROOM);
            assertThat(room.managedAllocations().count()).isEqualTo(7);

            Allocation master = room.allocationById(101);
            assertThat(master.isMaster()).isTrue();
            assertThat(master.quota()).isEqualTo(3);
            assertThat(master.displayStart()).isEqualTo(LocalDateTime.of(2031, 3, 3, 9, 0).atZone(ZURICH));
            assertThat(master.displayEnd()).isEqualTo(LocalDateTime.of(2031, 3, 3, 11, 0).atZone(ZURICH));
            assertThat(master.data()).isEmpty();
            assertThat(room.allocationMirrorsByMaster(master)).extracting(Allocation::resource)
                    .contains(ROOM_MIRROR_1, ROOM_MIRROR_2);

            Allocation partly = room.allocationById(104);
            assertThat(partly.partlyAvailable()).isTrue();
            assertThat(partly.raster()).isEqualTo(Raster.FIFTEEN);
            assertThat(partly.data()).containsOnly(entry("room", "Aula"), entry("seats", 120));
            assertThat(partly.freeSlots(room.lookup())).hasSize(12);

            Reservation carl = room.reservationsByToken(CARL).one();
            assertThat(carl.data()).containsOnly(entry("note", "projector"));
            assertThat(carl.displayEnd()).isEqualTo(LocalDateTime.of(2031, 3, 4, 10, 0).atZone(ZURICH));
            assertThat(room.reservedSlotsByReservation(CARL).list()).extracting(ReservedSlot::allocationId)
                    .containsOnly(104).hasSize(4);
            assertThat(room.blockersByToken(CLEANING).one().reason()).isEqualTo("cleaning");
            assertThat(room.queries().reservationsBySession(CART).one().token()).isEqualTo(DORA);
            room.commit();
        }

        @Test
        @DisplayName("a quota 3 allocation with two reserved mirrors has exactly one spot left: the master")
        void reservesTheLastSpotOfTheQuota() {
            UUID token = room.reserve("erik@example.org", on(3, 3, 9, 0, 11, 0));
            List<ReservedSlot> slots = room.approveReservations(token);
            room.commit();

            assertThat(slots).singleElement().satisfies(slot -> {
                assertThat(slot.resource()).isEqualTo(ROOM);
                assertThat(slot.allocationId()).isEqualTo(101);
            });
            assertThatThrownBy(() -> room.approveReservations(room.reserve("fred@example.org", on(3, 3, 9, 0, 11, 0))))
                    .isInstanceOf(AlreadyReservedError.class);
            room.rollback();
        }

        @Test
        @DisplayName("lowering the quota closes libres' gap: reserved slots move to the first keys, the last mirror goes")
        void reorganisesLibresMirrors() throws SQLException {
            room.changeQuota(room.allocationById(101), 2);
            room.commit();

            assertThat(rows("SELECT resource::text, quota::text FROM allocations WHERE \"group\" = '" + QUOTA_GROUP
                    + "' ORDER BY id")).extracting(r -> r.get("resource"), r -> r.get("quota")).containsExactly(
                            tuple(ROOM.toString(), "2"),
                            tuple(ROOM_MIRROR_1.toString(), "2"));
            assertThat(rows("SELECT s.resource::text, a.resource::text AS allocation, s.reservation_token::text"
                    + " FROM reserved_slots s JOIN allocations a ON a.id = s.allocation_id"
                    + " WHERE a.\"group\" = '" + QUOTA_GROUP + "'"))
                    .allSatisfy(r -> assertThat(r.get("resource")).isEqualTo(r.get("allocation")))
                    .extracting(r -> r.get("resource")).containsExactlyInAnyOrder(ROOM.toString(),
                            ROOM_MIRROR_1.toString());
            assertThatThrownBy(() -> room.approveReservations(room.reserve("olga@example.org", on(3, 3, 9, 0, 11, 0))))
                    .isInstanceOf(AlreadyReservedError.class);
            room.rollback();
        }

        @Test
        @DisplayName("the reserved slots of a partly available allocation block overlapping reservations only")
        void reservesAroundLibresSlots() throws SQLException {
            assertThatThrownBy(() -> room.approveReservations(room.reserve("gina@example.org", on(3, 4, 9, 30, 10, 30))))
                    .isInstanceOf(AlreadyReservedError.class);
            room.rollback();

            UUID token = room.reserve("gina@example.org", on(3, 4, 10, 0, 11, 0));
            assertThat(room.approveReservations(token)).hasSize(4);
            room.commit();

            assertThat(rows("SELECT start::text FROM reserved_slots WHERE allocation_id = 104 ORDER BY start"))
                    .extracting(r -> r.get("start")).containsExactly("2031-03-04 08:00:00", "2031-03-04 08:15:00",
                            "2031-03-04 08:30:00", "2031-03-04 08:45:00", "2031-03-04 09:00:00",
                            "2031-03-04 09:15:00", "2031-03-04 09:30:00", "2031-03-04 09:45:00");
        }

        @Test
        @DisplayName("a grouped allocation is reserved as a whole, written as libres writes group reservations")
        void reservesTheGroup() throws SQLException {
            UUID token = room.reserveGroup("hans@example.org", GROUPED);
            assertThat(room.approveReservations(token)).extracting(ReservedSlot::allocationId).containsOnly(105, 106);
            room.commit();

            Map<String, String> reservation = row("SELECT target::text, target_type::text, type, resource::text,"
                    + " start::text, \"end\"::text, timezone, status::text, data::text, jsonb_typeof(data) AS kind,"
                    + " email, session_id::text, quota::text, created IS NOT NULL AS created,"
                    + " modified IS NOT NULL AS modified FROM reservations WHERE token = '" + token + "'");
            assertThat(reservation).containsEntry("target", GROUPED.toString())
                    .containsEntry("target_type", "group")
                    .containsEntry("type", "generic")
                    .containsEntry("resource", ROOM.toString())
                    .containsEntry("start", null)
                    .containsEntry("end", null)
                    .containsEntry("timezone", null)
                    .containsEntry("status", "approved")
                    .containsEntry("data", "{}")
                    .containsEntry("kind", "object")
                    .containsEntry("email", "hans@example.org")
                    .containsEntry("session_id", null)
                    .containsEntry("quota", "1")
                    .containsEntry("created", "t")
                    .containsEntry("modified", "t");
        }

        @Test
        @DisplayName("a pending reservation of a browser session is confirmed and approved")
        void confirmsTheSession() throws SQLException {
            room.queries().confirmReservationsForSession(CART, null);
            assertThat(room.approveReservations(DORA)).extracting(ReservedSlot::start).hasSize(4);
            room.commit();

            assertThat(row("SELECT session_id::text, status::text FROM reservations WHERE id = 204"))
                    .containsEntry("session_id", null).containsEntry("status", "approved");
            assertThat(rows("SELECT source_id FROM reserved_slots WHERE reservation_token = '" + DORA + "'"))
                    .extracting(r -> r.get("source_id")).containsOnly("204").hasSize(4);
        }

        @Test
        @DisplayName("a blocker's slots block reservations until the blocker is removed")
        void removesTheBlocker() throws SQLException {
            assertThatThrownBy(() -> room.reserve("ida@example.org", on(3, 7, 8, 0, 10, 0)))
                    .isInstanceOf(AlreadyReservedError.class);
            room.rollback();

            room.removeBlocker(CLEANING);
            room.commit();
            assertThat(rows("SELECT id FROM reservation_blockers")).isEmpty();
            assertThat(rows("SELECT 1 FROM reserved_slots WHERE source_type = 'blocker'")).isEmpty();

            room.approveReservations(room.reserve("ida@example.org", on(3, 7, 8, 0, 10, 0)));
            room.commit();
            assertThat(rows("SELECT 1 FROM reserved_slots WHERE allocation_id = 107")).hasSize(1);
        }

        @Test
        @DisplayName("libres' reservations are changed and removed, with their slots")
        void changesAndRemoves() throws SQLException {
            room.changeEmail(BERT, "bertha@example.org");
            room.changeReservationData(CARL, Map.of("note", "no projector", "chairs", 30));
            room.removeReservation(ANNA);
            room.commit();

            assertThat(row("SELECT email, modified > created AS touched FROM reservations WHERE id = 202"))
                    .containsEntry("email", "bertha@example.org").containsEntry("touched", "t");
            assertThat(row("SELECT data = '{\"note\": \"no projector\", \"chairs\": 30}'::jsonb AS same"
                    + " FROM reservations WHERE id = 203")).containsEntry("same", "t");
            assertThat(rows("SELECT id FROM reservations WHERE token = '" + ANNA + "'")).isEmpty();
            assertThat(rows("SELECT resource::text FROM reserved_slots WHERE allocation_id IN (101, 102, 103)"))
                    .extracting(r -> r.get("resource")).containsExactly(ROOM_MIRROR_2.toString());

            UUID token = room.reserve("jana@example.org", on(3, 3, 9, 0, 11, 0));
            room.approveReservations(token);
            room.approveReservations(room.reserve("kurt@example.org", on(3, 3, 9, 0, 11, 0)));
            room.commit();
            assertThat(rows("SELECT resource::text FROM reserved_slots WHERE allocation_id IN (101, 102, 103)"
                    + " ORDER BY allocation_id")).extracting(r -> r.get("resource"))
                    .containsExactly(ROOM.toString(), ROOM_MIRROR_1.toString(), ROOM_MIRROR_2.toString());
        }
    }

    @Nested
    @DisplayName("rows written by this adapter")
    class WrittenHere {

        @Test
        @DisplayName("allocations, mirrors, reservations, slots and blockers have the columns libres writes")
        void haveLibresShape() throws SQLException {
            Scheduler written = new Scheduler(context, "written", ZURICH);
            assertThat(written.resource()).isEqualTo(WRITTEN);
            Allocation master = written.allocate(on(4, 1, 9, 0, 11, 0), AllocateOptions.builder().quota(3).build())
                    .get(0);
            written.allocate(on(4, 2, 9, 0, 11, 0), AllocateOptions.builder().quota(2).data(Map.of("room", "Aula"))
                    .build());
            UUID first = written.reserve("lena@example.org", on(4, 1, 9, 0, 11, 0));
            written.approveReservations(first);
            UUID second = written.reserve("mia@example.org", on(4, 1, 9, 0, 11, 0));
            written.approveReservations(second);
            int blockerId = written.addBlocker(List.of(on(4, 2, 9, 0, 11, 0)), "painting").get(0).requireId();
            written.commit();

            String columns = "id::text, resource::text, type, mirror_of::text, \"group\"::text, quota::text,"
                    + " quota_limit::text, partly_available::text, approve_manually::text, timezone, data::text,"
                    + " jsonb_typeof(data) AS kind, _start::text, _end::text, _raster::text,"
                    + " created IS NOT NULL AS created, modified::text";
            List<Map<String, String>> allocations = rows("SELECT " + columns + " FROM allocations WHERE mirror_of = '"
                    + WRITTEN + "' ORDER BY _start, id");
            assertThat(allocations).hasSize(4);
            Map<String, String> expectedMaster = new LinkedHashMap<>();
            expectedMaster.put("id", Integer.toString(master.requireId()));
            expectedMaster.put("resource", WRITTEN.toString());
            expectedMaster.put("type", "generic");
            expectedMaster.put("mirror_of", WRITTEN.toString());
            expectedMaster.put("group", master.group().toString());
            expectedMaster.put("quota", "3");
            expectedMaster.put("quota_limit", "0");
            expectedMaster.put("partly_available", "false");
            expectedMaster.put("approve_manually", "false");
            expectedMaster.put("timezone", "Europe/Zurich");
            expectedMaster.put("data", "{}");
            expectedMaster.put("kind", "object");
            // 1 April 2031 is summer time in Zurich (UTC+2)
            expectedMaster.put("_start", "2031-04-01 07:00:00");
            expectedMaster.put("_end", "2031-04-01 08:59:59.999999");
            expectedMaster.put("_raster", "5");
            expectedMaster.put("created", "t");
            expectedMaster.put("modified", null);
            assertThat(allocations.get(0)).isEqualTo(expectedMaster);
            Map<String, String> expectedMirror = new LinkedHashMap<>(expectedMaster);
            expectedMirror.put("id", allocations.get(1).get("id"));
            expectedMirror.put("resource", WRITTEN_MIRROR_1.toString());
            assertThat(allocations.get(1)).isEqualTo(expectedMirror);
            assertThat(allocations.get(2)).containsEntry("data", "{\"room\": \"Aula\"}")
                    .containsEntry("_start", "2031-04-02 07:00:00").containsEntry("quota", "2");
            // the blocker takes every spot: libres makes the mirror real, a copy of the master with its data
            Map<String, String> blockedMirror = new LinkedHashMap<>(allocations.get(2));
            blockedMirror.put("id", allocations.get(3).get("id"));
            blockedMirror.put("resource", WRITTEN_MIRROR_1.toString());
            assertThat(allocations.get(3)).isEqualTo(blockedMirror);

            List<Map<String, String>> reservations = rows("SELECT id::text, token::text, target::text,"
                    + " target_type::text, type, resource::text, start::text, \"end\"::text, timezone, status::text,"
                    + " data::text, email, session_id::text, quota::text, created IS NOT NULL AS created,"
                    + " modified IS NOT NULL AS modified FROM reservations WHERE resource = '" + WRITTEN
                    + "' ORDER BY id");
            assertThat(reservations).hasSize(2);
            assertThat(reservations.get(0)).containsEntry("token", first.toString())
                    .containsEntry("target", master.group().toString())
                    .containsEntry("target_type", "allocation")
                    .containsEntry("type", "generic")
                    .containsEntry("resource", WRITTEN.toString())
                    .containsEntry("start", "2031-04-01 07:00:00")
                    .containsEntry("end", "2031-04-01 08:59:59.999999")
                    .containsEntry("timezone", "Europe/Zurich")
                    .containsEntry("status", "approved")
                    .containsEntry("data", "{}")
                    .containsEntry("email", "lena@example.org")
                    .containsEntry("session_id", null)
                    .containsEntry("quota", "1")
                    .containsEntry("created", "t")
                    .containsEntry("modified", "t");

            List<Map<String, String>> slots = rows("SELECT resource::text, start::text, \"end\"::text,"
                    + " allocation_id::text, source_type::text, reservation_token::text, source_id::text,"
                    + " created IS NOT NULL AS created, modified::text FROM reserved_slots s"
                    + " WHERE allocation_id IN (SELECT id FROM allocations WHERE mirror_of = '" + WRITTEN + "')"
                    + " ORDER BY start, source_type, resource");
            assertThat(slots).hasSize(4);
            Map<String, String> expectedSlot = new LinkedHashMap<>();
            expectedSlot.put("resource", WRITTEN.toString());
            expectedSlot.put("start", "2031-04-01 07:00:00");
            expectedSlot.put("end", "2031-04-01 08:59:59.999999");
            expectedSlot.put("allocation_id", Integer.toString(master.requireId()));
            expectedSlot.put("source_type", "reservation");
            expectedSlot.put("reservation_token", first.toString());
            expectedSlot.put("source_id", reservations.get(0).get("id"));
            expectedSlot.put("created", "t");
            expectedSlot.put("modified", null);
            assertThat(slots).filteredOn(s -> s.get("reservation_token").equals(first.toString()))
                    .containsExactly(expectedSlot);
            assertThat(slots).filteredOn(s -> s.get("reservation_token").equals(second.toString())).singleElement()
                    .satisfies(s -> {
                        assertThat(s).containsEntry("resource", WRITTEN_MIRROR_1.toString())
                                .containsEntry("allocation_id", allocations.get(1).get("id"))
                                .containsEntry("source_id", reservations.get(1).get("id"));
                    });
            assertThat(slots).filteredOn(s -> s.get("source_type").equals("blocker"))
                    .extracting(s -> s.get("allocation_id"), s -> s.get("resource"), s -> s.get("source_id"),
                            s -> s.get("start"), s -> s.get("end"))
                    .containsExactlyInAnyOrder(
                            tuple(allocations.get(2).get("id"), WRITTEN.toString(),
                                    Integer.toString(blockerId), "2031-04-02 07:00:00", "2031-04-02 08:59:59.999999"),
                            tuple(allocations.get(3).get("id"),
                                    WRITTEN_MIRROR_1.toString(), Integer.toString(blockerId), "2031-04-02 07:00:00",
                                    "2031-04-02 08:59:59.999999"));

            assertThat(row("SELECT target::text, target_type::text, resource::text, start::text, \"end\"::text,"
                    + " timezone, reason, created IS NOT NULL AS created, modified::text FROM reservation_blockers"
                    + " WHERE id = " + blockerId))
                    .containsEntry("target", allocations.get(2).get("group"))
                    .containsEntry("target_type", "allocation")
                    .containsEntry("resource", WRITTEN.toString())
                    .containsEntry("start", "2031-04-02 07:00:00")
                    .containsEntry("end", "2031-04-02 08:59:59.999999")
                    .containsEntry("timezone", "Europe/Zurich")
                    .containsEntry("reason", "painting")
                    .containsEntry("created", "t")
                    .containsEntry("modified", null);
        }

        @Test
        @DisplayName("written rows are read by libres' own queries: ids follow libres' sequences")
        void followsLibresSequences() throws SQLException, IOException {
            Scheduler written = new Scheduler(context, "written", ZURICH);
            Allocation allocation = written.allocate(on(4, 3, 9, 0, 10, 0)).get(0);
            UUID token = written.reserve("nina@example.org", on(4, 3, 9, 0, 10, 0));
            written.commit();

            assertThat(allocation.requireId()).isEqualTo(108);
            assertThat(row("SELECT id::text FROM reservations WHERE token = '" + token + "'"))
                    .containsEntry("id", "205");
        }
    }
}
