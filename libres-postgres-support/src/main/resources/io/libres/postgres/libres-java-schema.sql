-- The tables libres for Java adds beside libres 1.2's, written so that running it again changes
-- nothing. libres 1.2 (Python) neither reads nor writes them, and none of libres 1.2's tables is
-- changed: a database stays shared with Python services. Created in the first schema of the
-- search_path, as libres 1.2's tables are.

-- Data for the blockers of a token on a resource, which reservation_blockers cannot hold (it has
-- no data column): libres-recurrence keeps a blocker series' rule here. A row lives only while a
-- blocker of its resource has its token: removing the last of those blockers removes it.
CREATE TABLE IF NOT EXISTS libres_java_blocker_data (
    resource uuid NOT NULL,
    token uuid NOT NULL,
    data jsonb NOT NULL,
    CONSTRAINT libres_java_blocker_data_pkey PRIMARY KEY (resource, token)
);
