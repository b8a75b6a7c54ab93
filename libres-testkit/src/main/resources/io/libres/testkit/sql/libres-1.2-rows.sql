-- Rows shaped exactly as libres 1.2 (Python) writes them, for context 'compat', scheduler 'room',
-- zone Europe/Zurich (UTC+1 in March 2031). Derived from libres' models and scheduler:
--  * resource = uuid5(uuid_namespace 49326ef9-fbc0-4ac0-9508-b0bbd75d42f7, 'compat/room');
--    mirror n = uuid5(resource, str(n)); computed with Python's uuid.uuid5, as libres does.
--  * timestamps are UTC wall-clock in timestamp without time zone; ends are end minus 1 microsecond.
--  * data: libres' JSON type binds None as {} (never JSON null); mirrors copy the master's data.
--  * type 'generic' (polymorphic identity; Allocation.copy() leaves it to the default).
--  * created by the client's utcnow() at flush; modified set by onupdate (e.g. when approved).
--  * reserved slots: one per raster slot (partly available) or one per allocation, resource of the
--    allocation (the mirror's for mirrors), source_type/source_id of the reservation or blocker.

-- An allocation of quota 3 (master 101, mirrors 102, 103), 09:00-11:00; both mirrors are reserved,
-- the master's reservation was removed again (the gap change_quota reorganises).
INSERT INTO allocations (id, resource, type, mirror_of, "group", quota, quota_limit, partly_available,
    approve_manually, timezone, data, _start, _end, _raster, created, modified) VALUES
(101, '84fbc971-c294-5d62-b3d1-ce2b5e17c376', 'generic', '84fbc971-c294-5d62-b3d1-ce2b5e17c376',
    'a1a1a1a1-0000-4000-8000-000000000001', 3, 0, false, false, 'Europe/Zurich', '{}',
    '2031-03-03 08:00:00', '2031-03-03 09:59:59.999999', 5, '2026-01-10 12:00:00.000001', NULL),
(102, '4cce7b42-ddff-5f25-b73a-98b543983c9f', 'generic', '84fbc971-c294-5d62-b3d1-ce2b5e17c376',
    'a1a1a1a1-0000-4000-8000-000000000001', 3, 0, false, false, 'Europe/Zurich', '{}',
    '2031-03-03 08:00:00', '2031-03-03 09:59:59.999999', 5, '2026-01-11 08:30:00.250000', NULL),
(103, 'caa3b5b4-b85a-5232-99be-199eab9a1195', 'generic', '84fbc971-c294-5d62-b3d1-ce2b5e17c376',
    'a1a1a1a1-0000-4000-8000-000000000001', 3, 0, false, false, 'Europe/Zurich', '{}',
    '2031-03-03 08:00:00', '2031-03-03 09:59:59.999999', 5, '2026-01-11 08:31:00.500000', NULL),
-- A partly available allocation, 08:00-12:00, raster 15, with the caller's data.
(104, '84fbc971-c294-5d62-b3d1-ce2b5e17c376', 'generic', '84fbc971-c294-5d62-b3d1-ce2b5e17c376',
    'a1a1a1a1-0000-4000-8000-000000000002', 1, 0, true, false, 'Europe/Zurich',
    '{"room": "Aula", "seats": 120}',
    '2031-03-04 07:00:00', '2031-03-04 10:59:59.999999', 15, '2026-01-10 12:00:00.000002', NULL),
-- A grouped allocation: two days, 10:00-12:00, one group.
(105, '84fbc971-c294-5d62-b3d1-ce2b5e17c376', 'generic', '84fbc971-c294-5d62-b3d1-ce2b5e17c376',
    'a1a1a1a1-0000-4000-8000-000000000003', 1, 0, false, false, 'Europe/Zurich', '{}',
    '2031-03-05 09:00:00', '2031-03-05 10:59:59.999999', 5, '2026-01-10 12:00:00.000003', NULL),
(106, '84fbc971-c294-5d62-b3d1-ce2b5e17c376', 'generic', '84fbc971-c294-5d62-b3d1-ce2b5e17c376',
    'a1a1a1a1-0000-4000-8000-000000000003', 1, 0, false, false, 'Europe/Zurich', '{}',
    '2031-03-06 09:00:00', '2031-03-06 10:59:59.999999', 5, '2026-01-10 12:00:00.000003', NULL),
-- An allocation held by a blocker, 08:00-10:00.
(107, '84fbc971-c294-5d62-b3d1-ce2b5e17c376', 'generic', '84fbc971-c294-5d62-b3d1-ce2b5e17c376',
    'a1a1a1a1-0000-4000-8000-000000000004', 1, 0, false, false, 'Europe/Zurich', '{}',
    '2031-03-07 07:00:00', '2031-03-07 08:59:59.999999', 5, '2026-01-10 12:00:00.000004', NULL);
SELECT setval('allocations_id_seq', 107);

INSERT INTO reservations (id, token, target, target_type, type, resource, start, "end", timezone, status,
    data, email, session_id, quota, created, modified) VALUES
-- the approved reservations of the two mirrors
(201, 'b0b0b0b0-0000-4000-8000-00000000000a', 'a1a1a1a1-0000-4000-8000-000000000001', 'allocation', 'generic',
    '84fbc971-c294-5d62-b3d1-ce2b5e17c376', '2031-03-03 08:00:00', '2031-03-03 09:59:59.999999', 'Europe/Zurich',
    'approved', '{}', 'anna@example.org', NULL, 1, '2026-01-11 08:30:00.100000', '2026-01-11 08:30:00.250000'),
(202, 'b0b0b0b0-0000-4000-8000-00000000000b', 'a1a1a1a1-0000-4000-8000-000000000001', 'allocation', 'generic',
    '84fbc971-c294-5d62-b3d1-ce2b5e17c376', '2031-03-03 08:00:00', '2031-03-03 09:59:59.999999', 'Europe/Zurich',
    'approved', '{}', 'bert@example.org', NULL, 1, '2026-01-11 08:31:00.100000', '2026-01-11 08:31:00.500000'),
-- an approved reservation of 09:00-10:00 of the partly available allocation
(203, 'b0b0b0b0-0000-4000-8000-00000000000c', 'a1a1a1a1-0000-4000-8000-000000000002', 'allocation', 'generic',
    '84fbc971-c294-5d62-b3d1-ce2b5e17c376', '2031-03-04 08:00:00', '2031-03-04 08:59:59.999999', 'Europe/Zurich',
    'approved', '{"note": "projector"}', 'carl@example.org', NULL, 1, '2026-01-12 09:00:00.000000',
    '2026-01-12 09:00:01.000000'),
-- a pending reservation of 11:00-12:00 in a browser session (a shopping cart)
(204, 'b0b0b0b0-0000-4000-8000-00000000000d', 'a1a1a1a1-0000-4000-8000-000000000002', 'allocation', 'generic',
    '84fbc971-c294-5d62-b3d1-ce2b5e17c376', '2031-03-04 10:00:00', '2031-03-04 10:59:59.999999', 'Europe/Zurich',
    'pending', '{}', 'dora@example.org', 'c0c0c0c0-0000-4000-8000-000000000001', 1, '2026-01-13 10:00:00.000000',
    NULL);
SELECT setval('reservations_id_seq', 204);

INSERT INTO reservation_blockers (id, token, target, target_type, resource, start, "end", timezone, reason,
    created, modified) VALUES
(301, 'd0d0d0d0-0000-4000-8000-000000000001', 'a1a1a1a1-0000-4000-8000-000000000004', 'allocation',
    '84fbc971-c294-5d62-b3d1-ce2b5e17c376', '2031-03-07 07:00:00', '2031-03-07 08:59:59.999999', 'Europe/Zurich',
    'cleaning', '2026-01-14 07:00:00.000000', NULL);
SELECT setval('reservation_blockers_id_seq', 301);

INSERT INTO reserved_slots (resource, start, "end", allocation_id, source_type, reservation_token, source_id,
    created, modified) VALUES
('4cce7b42-ddff-5f25-b73a-98b543983c9f', '2031-03-03 08:00:00', '2031-03-03 09:59:59.999999', 102, 'reservation',
    'b0b0b0b0-0000-4000-8000-00000000000a', 201, '2026-01-11 08:30:00.250000', NULL),
('caa3b5b4-b85a-5232-99be-199eab9a1195', '2031-03-03 08:00:00', '2031-03-03 09:59:59.999999', 103, 'reservation',
    'b0b0b0b0-0000-4000-8000-00000000000b', 202, '2026-01-11 08:31:00.500000', NULL),
('84fbc971-c294-5d62-b3d1-ce2b5e17c376', '2031-03-04 08:00:00', '2031-03-04 08:14:59.999999', 104, 'reservation',
    'b0b0b0b0-0000-4000-8000-00000000000c', 203, '2026-01-12 09:00:01.000000', NULL),
('84fbc971-c294-5d62-b3d1-ce2b5e17c376', '2031-03-04 08:15:00', '2031-03-04 08:29:59.999999', 104, 'reservation',
    'b0b0b0b0-0000-4000-8000-00000000000c', 203, '2026-01-12 09:00:01.000000', NULL),
('84fbc971-c294-5d62-b3d1-ce2b5e17c376', '2031-03-04 08:30:00', '2031-03-04 08:44:59.999999', 104, 'reservation',
    'b0b0b0b0-0000-4000-8000-00000000000c', 203, '2026-01-12 09:00:01.000000', NULL),
('84fbc971-c294-5d62-b3d1-ce2b5e17c376', '2031-03-04 08:45:00', '2031-03-04 08:59:59.999999', 104, 'reservation',
    'b0b0b0b0-0000-4000-8000-00000000000c', 203, '2026-01-12 09:00:01.000000', NULL),
('84fbc971-c294-5d62-b3d1-ce2b5e17c376', '2031-03-07 07:00:00', '2031-03-07 08:59:59.999999', 107, 'blocker',
    'd0d0d0d0-0000-4000-8000-000000000001', 301, '2026-01-14 07:00:00.000000', NULL);
