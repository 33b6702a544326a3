-- The PostGIS store's schema (geo/store/postgis.py): run whole by `blockade-map db init`, idempotent.
-- Every name is in schema blockade_map; geo/store/postgis_sql.py reads this file.

CREATE SCHEMA IF NOT EXISTS blockade_map;

CREATE TABLE IF NOT EXISTS blockade_map.meta (
    one boolean PRIMARY KEY DEFAULT true CHECK (one),
    schema_version integer NOT NULL,
    instance text NOT NULL,
    data_version bigint NOT NULL DEFAULT 0,
    last_seq bigint NOT NULL DEFAULT 0,
    layers json NOT NULL DEFAULT '{}'
);

CREATE SEQUENCE IF NOT EXISTS blockade_map.event_ord;

CREATE TABLE IF NOT EXISTS blockade_map.events (
    id text COLLATE "C" PRIMARY KEY,
    ord bigint NOT NULL DEFAULT nextval('blockade_map.event_ord'),
    row_version integer NOT NULL DEFAULT 1,
    kind text NOT NULL,
    start_day date NOT NULL,
    end_day date NOT NULL,
    place text NOT NULL,
    region text NOT NULL,
    road text,
    km double precision,
    fatalities integer NOT NULL,
    injured integer NOT NULL,
    detained integer NOT NULL,
    geo_precision smallint NOT NULL,
    time_precision smallint NOT NULL,
    status text NOT NULL,
    lon double precision NOT NULL,
    lat double precision NOT NULL,
    geom geometry(Point, 4326) GENERATED ALWAYS AS (ST_SetSRID(ST_MakePoint(lon, lat), 4326)) STORED,
    feature json NOT NULL,
    CHECK (end_day >= start_day)
) WITH (toast_tuple_target = 128);
-- The events table's indexes beside its primary key (each named events_*, one statement a line):
-- a bulk load drops them and builds them again once (much faster than row by row).
CREATE UNIQUE INDEX IF NOT EXISTS events_ord ON blockade_map.events (ord);
CREATE INDEX IF NOT EXISTS events_geom ON blockade_map.events USING gist (geom);
CREATE INDEX IF NOT EXISTS events_start ON blockade_map.events (start_day);
CREATE INDEX IF NOT EXISTS events_end ON blockade_map.events (end_day);
CREATE INDEX IF NOT EXISTS events_days ON blockade_map.events USING gist (daterange(start_day, end_day, '[]'));

CREATE TABLE IF NOT EXISTS blockade_map.event_ids (
    id text COLLATE "C" PRIMARY KEY
);

CREATE TABLE IF NOT EXISTS blockade_map.hotspots (
    ord bigint PRIMARY KEY,
    id text COLLATE "C",
    name text NOT NULL,
    region text NOT NULL,
    start_day date NOT NULL,
    end_day date NOT NULL,
    level smallint NOT NULL,
    geom geometry(Point, 4326) NOT NULL,
    feature json NOT NULL
);
CREATE INDEX IF NOT EXISTS hotspots_geom ON blockade_map.hotspots USING gist (geom);
CREATE INDEX IF NOT EXISTS hotspots_start ON blockade_map.hotspots (start_day);
CREATE INDEX IF NOT EXISTS hotspots_end ON blockade_map.hotspots (end_day);

CREATE TABLE IF NOT EXISTS blockade_map.corridors (
    ord bigint PRIMARY KEY,
    id text COLLATE "C" NOT NULL UNIQUE,
    name text NOT NULL,
    geom geometry(Geometry, 4326) NOT NULL,
    feature json NOT NULL
);
CREATE INDEX IF NOT EXISTS corridors_geom ON blockade_map.corridors USING gist (geom);

CREATE TABLE IF NOT EXISTS blockade_map.reported_counts (
    ord bigint PRIMARY KEY,
    day date NOT NULL,
    metric text NOT NULL,
    value bigint NOT NULL,
    reporter text NOT NULL,
    source_url text NOT NULL
);
CREATE INDEX IF NOT EXISTS reported_counts_day ON blockade_map.reported_counts (day);

-- The change log: the folder's changelog.jsonl, one row per changed event.
CREATE TABLE IF NOT EXISTS blockade_map.changelog (
    seq bigint PRIMARY KEY,
    tx bigint NOT NULL,
    tx_size integer NOT NULL,
    who text NOT NULL,
    at text NOT NULL,
    action text NOT NULL,
    event_id text COLLATE "C" NOT NULL,
    before json,
    after json,
    reason text NOT NULL DEFAULT '',
    undoes bigint,
    extra json
);
CREATE INDEX IF NOT EXISTS changelog_event ON blockade_map.changelog (event_id);

CREATE TABLE IF NOT EXISTS blockade_map.changelog_base (
    ord bigint PRIMARY KEY,
    feature json NOT NULL
);

-- The data folder's other files (README.md, basemap.geojson, lexicon.json, gazetteer/*.csv), byte for
-- byte, by their path in a folder; digest: SHA-256 of content, so a reader knows cheaply when one changed.
CREATE TABLE IF NOT EXISTS blockade_map.documents (
    name text COLLATE "C" PRIMARY KEY,
    content bytea NOT NULL,
    digest text NOT NULL
);

-- The day query's summaries, kept by a trigger on events: per day, kind and region, the events
-- active that day (day_counts) and the events that started that day (start_counts).
CREATE TABLE IF NOT EXISTS blockade_map.day_counts (
    day date NOT NULL,
    kind text NOT NULL,
    region text NOT NULL,
    events bigint NOT NULL,
    fatalities bigint NOT NULL,
    injured bigint NOT NULL,
    detained bigint NOT NULL,
    PRIMARY KEY (day, kind, region)
);
CREATE TABLE IF NOT EXISTS blockade_map.start_counts (LIKE blockade_map.day_counts INCLUDING ALL);

CREATE OR REPLACE FUNCTION blockade_map.count_event() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        PERFORM blockade_map.add_counts(OLD.start_day, OLD.end_day, OLD.kind, OLD.region, -1,
                                    -OLD.fatalities, -OLD.injured, -OLD.detained);
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
        PERFORM blockade_map.add_counts(NEW.start_day, NEW.end_day, NEW.kind, NEW.region, 1,
                                    NEW.fatalities, NEW.injured, NEW.detained);
    END IF;
    RETURN NULL;
END $$;

CREATE OR REPLACE FUNCTION blockade_map.add_counts(first date, last date, k text, r text, n bigint,
                                               f bigint, i bigint, d bigint) RETURNS void
LANGUAGE sql AS $$
    INSERT INTO blockade_map.day_counts AS c (day, kind, region, events, fatalities, injured, detained)
    SELECT g::date, k, r, n, f, i, d FROM generate_series(first, last, interval '1 day') AS g ORDER BY 1
    ON CONFLICT (day, kind, region) DO UPDATE SET events = c.events + EXCLUDED.events,
        fatalities = c.fatalities + EXCLUDED.fatalities, injured = c.injured + EXCLUDED.injured,
        detained = c.detained + EXCLUDED.detained;
    INSERT INTO blockade_map.start_counts AS c (day, kind, region, events, fatalities, injured, detained)
    VALUES (first, k, r, n, f, i, d)
    ON CONFLICT (day, kind, region) DO UPDATE SET events = c.events + EXCLUDED.events,
        fatalities = c.fatalities + EXCLUDED.fatalities, injured = c.injured + EXCLUDED.injured,
        detained = c.detained + EXCLUDED.detained;
$$;

DROP TRIGGER IF EXISTS events_count ON blockade_map.events;
CREATE TRIGGER events_count AFTER INSERT OR UPDATE OR DELETE ON blockade_map.events
    FOR EACH ROW EXECUTE FUNCTION blockade_map.count_event();
