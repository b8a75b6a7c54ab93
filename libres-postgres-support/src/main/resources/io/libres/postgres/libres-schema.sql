-- The schema of libres 1.2 (Python), as Scheduler.setup_database() creates it,
-- written so that running it again changes nothing. Tables, columns, types,
-- defaults, sequences, constraints and indexes match libres 1.2 one to one, so
-- Java and Python services can share one database. Objects are created in the
-- first schema of the search_path, as libres does.

DO $$ BEGIN
    CREATE TYPE reservation_blocker_target_type AS ENUM ('group', 'allocation');
EXCEPTION WHEN duplicate_object THEN NULL;
END $$;

DO $$ BEGIN
    CREATE TYPE reservation_status AS ENUM ('pending', 'approved');
EXCEPTION WHEN duplicate_object THEN NULL;
END $$;

DO $$ BEGIN
    CREATE TYPE reservation_target_type AS ENUM ('group', 'allocation');
EXCEPTION WHEN duplicate_object THEN NULL;
END $$;

DO $$ BEGIN
    CREATE TYPE reserved_slot_source_type AS ENUM ('reservation', 'blocker');
EXCEPTION WHEN duplicate_object THEN NULL;
END $$;

CREATE TABLE IF NOT EXISTS allocations (
    id serial NOT NULL,
    resource uuid NOT NULL,
    type text NOT NULL,
    mirror_of uuid NOT NULL,
    "group" uuid NOT NULL,
    quota integer NOT NULL,
    quota_limit integer NOT NULL,
    partly_available boolean NOT NULL,
    approve_manually boolean NOT NULL,
    timezone character varying,
    data jsonb,
    _start timestamp without time zone NOT NULL,
    _end timestamp without time zone NOT NULL,
    _raster integer NOT NULL,
    created timestamp without time zone NOT NULL,
    modified timestamp without time zone,
    CONSTRAINT allocations_pkey PRIMARY KEY (id),
    CONSTRAINT resource_start_ix UNIQUE (resource, _start)
);

CREATE TABLE IF NOT EXISTS reservation_blockers (
    id serial NOT NULL,
    token uuid NOT NULL,
    target uuid NOT NULL,
    target_type reservation_blocker_target_type NOT NULL,
    resource uuid NOT NULL,
    start timestamp without time zone,
    "end" timestamp without time zone,
    timezone character varying,
    reason character varying,
    created timestamp without time zone NOT NULL,
    modified timestamp without time zone,
    CONSTRAINT reservation_blockers_pkey PRIMARY KEY (id)
);

CREATE TABLE IF NOT EXISTS reservations (
    id serial NOT NULL,
    token uuid NOT NULL,
    target uuid NOT NULL,
    target_type reservation_target_type NOT NULL,
    type text NOT NULL,
    resource uuid NOT NULL,
    start timestamp without time zone,
    "end" timestamp without time zone,
    timezone character varying,
    status reservation_status NOT NULL,
    data jsonb,
    email character varying(254) NOT NULL,
    session_id uuid,
    quota integer NOT NULL,
    created timestamp without time zone NOT NULL,
    modified timestamp without time zone,
    CONSTRAINT reservations_pkey PRIMARY KEY (id)
);

CREATE TABLE IF NOT EXISTS reserved_slots (
    resource uuid NOT NULL,
    start timestamp without time zone NOT NULL,
    "end" timestamp without time zone NOT NULL,
    allocation_id integer NOT NULL,
    source_type reserved_slot_source_type NOT NULL,
    reservation_token uuid NOT NULL,
    source_id integer NOT NULL,
    created timestamp without time zone NOT NULL,
    modified timestamp without time zone,
    CONSTRAINT reserved_slots_pkey PRIMARY KEY (resource, start),
    CONSTRAINT reserved_slots_allocation_id_fkey FOREIGN KEY (allocation_id) REFERENCES allocations (id)
);

CREATE INDEX IF NOT EXISTS ix_allocations_end ON allocations USING btree (_end);
CREATE INDEX IF NOT EXISTS ix_allocations_group ON allocations USING btree ("group");
CREATE INDEX IF NOT EXISTS ix_allocations_mirror_of ON allocations USING btree (mirror_of);
CREATE INDEX IF NOT EXISTS ix_allocations_resource ON allocations USING btree (resource);
CREATE INDEX IF NOT EXISTS ix_allocations_start ON allocations USING btree (_start);
CREATE INDEX IF NOT EXISTS ix_allocations_type ON allocations USING btree (type);
CREATE INDEX IF NOT EXISTS mirror_resource_ix ON allocations USING btree (mirror_of, resource);

CREATE INDEX IF NOT EXISTS blocker_target_ix ON reservation_blockers USING btree (target, id);
CREATE INDEX IF NOT EXISTS ix_reservation_blockers_end ON reservation_blockers USING btree ("end");
CREATE INDEX IF NOT EXISTS ix_reservation_blockers_resource ON reservation_blockers USING btree (resource);
CREATE INDEX IF NOT EXISTS ix_reservation_blockers_start ON reservation_blockers USING btree (start);
CREATE INDEX IF NOT EXISTS ix_reservation_blockers_target ON reservation_blockers USING btree (target);
CREATE INDEX IF NOT EXISTS ix_reservation_blockers_target_type ON reservation_blockers USING btree (target_type);
CREATE INDEX IF NOT EXISTS ix_reservation_blockers_token ON reservation_blockers USING btree (token);

CREATE INDEX IF NOT EXISTS ix_reservations_email ON reservations USING btree (email);
CREATE INDEX IF NOT EXISTS ix_reservations_end ON reservations USING btree ("end");
CREATE INDEX IF NOT EXISTS ix_reservations_resource ON reservations USING btree (resource);
CREATE INDEX IF NOT EXISTS ix_reservations_session_id ON reservations USING btree (session_id);
CREATE INDEX IF NOT EXISTS ix_reservations_start ON reservations USING btree (start);
CREATE INDEX IF NOT EXISTS ix_reservations_status ON reservations USING btree (status);
CREATE INDEX IF NOT EXISTS ix_reservations_target ON reservations USING btree (target);
CREATE INDEX IF NOT EXISTS ix_reservations_target_type ON reservations USING btree (target_type);
CREATE INDEX IF NOT EXISTS ix_reservations_token ON reservations USING btree (token);
CREATE INDEX IF NOT EXISTS ix_reservations_type ON reservations USING btree (type);
CREATE INDEX IF NOT EXISTS target_status_ix ON reservations USING btree (status, target, id);

CREATE INDEX IF NOT EXISTS ix_reserved_slots_allocation_id ON reserved_slots USING btree (allocation_id);
CREATE INDEX IF NOT EXISTS ix_reserved_slots_end ON reserved_slots USING btree ("end");
CREATE INDEX IF NOT EXISTS ix_reserved_slots_source_id ON reserved_slots USING btree (source_id);
CREATE INDEX IF NOT EXISTS ix_reserved_slots_source_type ON reserved_slots USING btree (source_type);
CREATE INDEX IF NOT EXISTS reservation_resource_ix ON reserved_slots USING btree (reservation_token, resource);
CREATE INDEX IF NOT EXISTS start_end_tsrange_ix ON reserved_slots USING gist (tsrange(start, "end"));
