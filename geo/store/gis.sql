-- Blockade Map in PostGIS for GIS users (QGIS, psql, any SQL client): installed by
-- `blockade-map db init` after the store's tables (geo/store/gis.py runs this file).
--
-- An edit made in SQL is either applied as a logged change or refused with a clear error:
-- * UPDATE of an event's columns (kind, dates, place, region, road, km, counts, precisions,
--   status) or of its point (geom, or lon/lat) rewrites the event's GeoJSON Feature, bumps its
--   row_version, appends a change-log entry (who: blockade_map.who, else the database user and
--   "(SQL)"; why: blockade_map.reason, else "edited in SQL") and keeps the day tables in step;
-- * INSERT and DELETE of events, and any change to the other tables, are refused: a new event
--   needs its sources and a retraction its reason, which Blockade Map asks for.
-- Blockade Map's own connections (application_name 'blockade-map') pass through.
-- Idempotent: running it again changes nothing.

-- ------------------------------------------------------------------ geometry a GIS can write

-- The point of an event: a plain column (a GIS moves points by writing it), kept in step with
-- lon/lat by the trigger below. It was generated from lon/lat, which a GIS cannot write.
DO $$
BEGIN
    IF EXISTS (SELECT 1 FROM pg_attribute WHERE attrelid = 'blockade_map.events'::regclass
               AND attname = 'geom' AND attgenerated <> '') THEN
        ALTER TABLE blockade_map.events ALTER COLUMN geom DROP EXPRESSION;
    END IF;
END $$;
ALTER TABLE blockade_map.events ALTER COLUMN geom SET NOT NULL;

-- Corridors are LineStrings (QGIS lists a layer per geometry type).
DO $$
BEGIN
    IF (SELECT type FROM public.geometry_columns WHERE f_table_schema = 'blockade_map'
        AND f_table_name = 'corridors' AND f_geometry_column = 'geom') <> 'LINESTRING' THEN
        ALTER TABLE blockade_map.corridors ALTER COLUMN geom TYPE geometry(LineString, 4326) USING geom;
    END IF;
END $$;

-- ------------------------------------------------------------------ constraints

CREATE OR REPLACE FUNCTION blockade_map.add_check(tab text, name text, expr text) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_constraint WHERE conname = name
                   AND conrelid = ('blockade_map.' || tab)::regclass) THEN
        EXECUTE format('ALTER TABLE blockade_map.%I ADD CONSTRAINT %I CHECK (%s)', tab, name, expr);
    END IF;
END $$;
COMMENT ON FUNCTION blockade_map.add_check(text, text, text) IS
    'Adds a CHECK constraint to a Blockade Map table unless it has it (used by the GIS set-up).';

SELECT blockade_map.add_check('events', 'events_kind',
    $c$kind IN ('blockade', 'protest', 'clash', 'closure', 'detention', 'other')$c$);
SELECT blockade_map.add_check('events', 'events_status', $c$status IN ('confirmed', 'reported')$c$);
SELECT blockade_map.add_check('events', 'events_counts',
    'fatalities BETWEEN 0 AND 100000 AND injured BETWEEN 0 AND 100000 AND detained BETWEEN 0 AND 100000');
SELECT blockade_map.add_check('events', 'events_precisions', 'geo_precision IN (1, 2, 3) AND time_precision IN (1, 2, 3)');
SELECT blockade_map.add_check('events', 'events_km', 'km IS NULL OR km BETWEEN 0 AND 6000');
SELECT blockade_map.add_check('events', 'events_names', $c$btrim(place) <> '' AND btrim(region) <> ''$c$);
SELECT blockade_map.add_check('events', 'events_lonlat', 'lon BETWEEN -180 AND 180 AND lat BETWEEN -90 AND 90');
SELECT blockade_map.add_check('hotspots', 'hotspots_level', 'level IN (1, 2, 3)');
SELECT blockade_map.add_check('hotspots', 'hotspots_days', 'end_day >= start_day');
SELECT blockade_map.add_check('reported_counts', 'reported_counts_value', 'value BETWEEN 0 AND 100000');
SELECT blockade_map.add_check('changelog', 'changelog_action',
    $c$action IN ('add', 'edit', 'retract', 'undo', 'import')$c$);

-- ------------------------------------------------------------------ edits from a GIS

CREATE OR REPLACE FUNCTION blockade_map.from_app() RETURNS boolean LANGUAGE sql STABLE AS $$
    SELECT coalesce(current_setting('application_name', true), '') = 'blockade-map'
$$;
COMMENT ON FUNCTION blockade_map.from_app() IS
    'True in Blockade Map''s own connections (application_name blockade-map), whose changes are logged by the app.';

-- The event's properties rebuilt from its columns, in the contract's order (other keys after
-- them, in their old order); a default the event did not state stays unstated.
CREATE OR REPLACE FUNCTION blockade_map.event_properties(old_props json, e blockade_map.events) RETURNS json
LANGUAGE plpgsql STABLE AS $$
DECLARE
    p jsonb := coalesce(old_props::jsonb, '{}'::jsonb);
    ordered constant text[] := ARRAY['kind', 'start', 'end', 'place', 'region', 'road', 'km', 'fatalities',
        'injured', 'detained', 'geo_precision', 'time_precision', 'status', 'sources', 'description',
        'description_es', 'description_en'];
    result json;
BEGIN
    p := p || jsonb_build_object('kind', e.kind, 'start', e.start_day::text, 'place', e.place,
                                 'region', e.region, 'geo_precision', e.geo_precision);
    p := CASE WHEN e.end_day <> e.start_day OR p ? 'end' THEN p || jsonb_build_object('end', e.end_day::text)
              ELSE p END;
    p := CASE WHEN e.road IS NULL OR btrim(e.road) = '' THEN p - 'road' ELSE p || jsonb_build_object('road', e.road) END;
    p := CASE WHEN e.km IS NULL THEN p - 'km'
              WHEN e.km = trunc(e.km) THEN p || jsonb_build_object('km', e.km::bigint)
              ELSE p || jsonb_build_object('km', e.km) END;
    p := CASE WHEN e.fatalities = 0 AND NOT p ? 'fatalities' THEN p
              ELSE p || jsonb_build_object('fatalities', e.fatalities) END;
    p := CASE WHEN e.injured = 0 AND NOT p ? 'injured' THEN p ELSE p || jsonb_build_object('injured', e.injured) END;
    p := CASE WHEN e.detained = 0 AND NOT p ? 'detained' THEN p
              ELSE p || jsonb_build_object('detained', e.detained) END;
    p := CASE WHEN e.time_precision = 1 AND NOT p ? 'time_precision' THEN p
              ELSE p || jsonb_build_object('time_precision', e.time_precision) END;
    p := CASE WHEN e.status = 'reported' AND NOT p ? 'status' THEN p
              ELSE p || jsonb_build_object('status', e.status) END;
    SELECT json_object_agg(n.key, n.value ORDER BY coalesce(array_position(ordered, n.key), 1000),
                           coalesce(o.pos, 0), n.key)
      INTO result
      FROM jsonb_each(p) AS n
      LEFT JOIN json_each(old_props) WITH ORDINALITY AS o(key, value, pos) ON o.key = n.key;
    RETURN result;
END $$;
COMMENT ON FUNCTION blockade_map.event_properties(json, blockade_map.events) IS
    'The GeoJSON properties of an event rebuilt from its columns (a GIS edit), in the contract''s order.';

-- Why an event row breaks the contract or the dataset (its regions, its area), or NULL.
CREATE OR REPLACE FUNCTION blockade_map.event_problem(e blockade_map.events) RETURNS text
LANGUAGE plpgsql STABLE AS $$
DECLARE
    info json := (SELECT layers -> 'dataset' FROM blockade_map.meta);
    regions json := info -> 'regions';
    bbox json := info -> 'bbox';
BEGIN
    IF e.kind NOT IN ('blockade', 'protest', 'clash', 'closure', 'detention', 'other') THEN
        RETURN format('kind %L is not one of blockade, protest, clash, closure, detention, other', e.kind);
    END IF;
    IF e.end_day < e.start_day THEN
        RETURN format('end_day %s is before start_day %s', e.end_day, e.start_day);
    END IF;
    IF least(e.fatalities, e.injured, e.detained) < 0 OR greatest(e.fatalities, e.injured, e.detained) > 100000 THEN
        RETURN format('fatalities, injured and detained must be whole numbers from 0 to 100,000, got %s, %s, %s',
                      e.fatalities, e.injured, e.detained);
    END IF;
    IF e.status NOT IN ('confirmed', 'reported') THEN
        RETURN format('status %L is not one of confirmed, reported', e.status);
    END IF;
    IF e.geo_precision NOT IN (1, 2, 3) OR e.time_precision NOT IN (1, 2, 3) THEN
        RETURN format('geo_precision and time_precision must be 1, 2 or 3, got %s and %s',
                      e.geo_precision, e.time_precision);
    END IF;
    IF e.km IS NOT NULL AND (e.km < 0 OR e.km > 6000) THEN
        RETURN format('km %s is not a kilometre post from 0 to 6,000', e.km);
    END IF;
    IF btrim(coalesce(e.place, '')) = '' THEN
        RETURN 'place must not be empty';
    END IF;
    IF json_typeof(regions) = 'array' AND json_array_length(regions) > 0
       AND NOT EXISTS (SELECT 1 FROM json_array_elements_text(regions) AS r WHERE r = e.region) THEN
        RETURN format('region %L is not one of the dataset''s regions (%s)', e.region,
                      (SELECT string_agg(r, ', ') FROM json_array_elements_text(regions) AS r));
    END IF;
    IF json_typeof(bbox) = 'array' AND NOT (
           e.lon BETWEEN (bbox ->> 0)::float8 - 1 AND (bbox ->> 2)::float8 + 1
           AND e.lat BETWEEN (bbox ->> 1)::float8 - 1 AND (bbox ->> 3)::float8 + 1) THEN
        RETURN format('the point [%s, %s] lies outside the dataset''s area', e.lon, e.lat);
    END IF;
    RETURN NULL;
END $$;
COMMENT ON FUNCTION blockade_map.event_problem(blockade_map.events) IS
    'Why an event row breaks the data contract or its dataset (kinds, dates, counts, regions, area); NULL when it does not.';

CREATE OR REPLACE FUNCTION blockade_map.gis_edit() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    problem text;
    moved boolean;
    props json;
    seq bigint;
    who text;
    reason text;
BEGIN
    IF blockade_map.from_app() THEN  -- the app writes lon/lat and the feature; the point follows
        IF TG_OP = 'DELETE' THEN
            RETURN OLD;
        END IF;
        NEW.geom := ST_SetSRID(ST_MakePoint(NEW.lon, NEW.lat), 4326);
        RETURN NEW;
    END IF;
    IF TG_OP = 'INSERT' THEN
        RAISE EXCEPTION 'Blockade Map: events cannot be added in SQL: a new event needs its sources'
            USING HINT = 'Add it on the dashboard''s Add an event or Import page, or with blockade-map import FILE --data URL.',
                  ERRCODE = 'insufficient_privilege';
    END IF;
    IF TG_OP = 'DELETE' THEN
        RAISE EXCEPTION 'Blockade Map: event % cannot be deleted in SQL: a retraction needs a reason and keeps the record', OLD.id
            USING HINT = 'Retract it on the dashboard''s Edit and retract page; set its fields to what the sources say to correct it.',
                  ERRCODE = 'insufficient_privilege';
    END IF;
    IF NEW.id IS DISTINCT FROM OLD.id THEN
        RAISE EXCEPTION 'Blockade Map: event ids are stable: % cannot become %', OLD.id, NEW.id
            USING ERRCODE = 'check_violation';
    END IF;
    IF NEW.feature::text IS DISTINCT FROM OLD.feature::text OR NEW.row_version IS DISTINCT FROM OLD.row_version
       OR NEW.ord IS DISTINCT FROM OLD.ord THEN
        RAISE EXCEPTION 'Blockade Map: event %: feature, row_version and ord are kept by Blockade Map', OLD.id
            USING HINT = 'Edit the columns (kind, start_day, end_day, place, region, road, km, counts, precisions, status) or move geom; the feature follows.',
                  ERRCODE = 'check_violation';
    END IF;
    moved := NOT (NEW.geom IS NOT DISTINCT FROM OLD.geom);
    IF moved THEN
        IF NEW.geom IS NULL OR GeometryType(NEW.geom) <> 'POINT' OR ST_SRID(NEW.geom) <> 4326 THEN
            RAISE EXCEPTION 'Blockade Map: event %: geom must be a Point in EPSG:4326', OLD.id
                USING ERRCODE = 'check_violation';
        END IF;
        NEW.lon := ST_X(NEW.geom);
        NEW.lat := ST_Y(NEW.geom);
    ELSE
        NEW.geom := ST_SetSRID(ST_MakePoint(NEW.lon, NEW.lat), 4326);
    END IF;
    problem := blockade_map.event_problem(NEW);
    IF problem IS NOT NULL THEN
        RAISE EXCEPTION 'Blockade Map: event %: %', OLD.id, problem
            USING HINT = 'Nothing was changed. The data contract is in CONTRACT.md and the README.',
                  ERRCODE = 'check_violation';
    END IF;
    props := blockade_map.event_properties(OLD.feature -> 'properties', NEW);
    NEW.feature := json_build_object('type', 'Feature', 'id', NEW.id,
                                     'geometry', json_build_object('type', 'Point',
                                                                   'coordinates', json_build_array(NEW.lon, NEW.lat)),
                                     'properties', props);
    IF NEW.feature::jsonb = OLD.feature::jsonb THEN  -- the same values written again: nothing to log
        NEW.feature := OLD.feature;
        RETURN NEW;
    END IF;
    NEW.row_version := OLD.row_version + 1;
    UPDATE blockade_map.meta SET data_version = data_version + 1, last_seq = last_seq + 1 RETURNING last_seq INTO seq;
    who := coalesce(nullif(btrim(current_setting('blockade_map.who', true)), ''), session_user || ' (SQL)');
    reason := coalesce(nullif(btrim(current_setting('blockade_map.reason', true)), ''),
                       'edited in SQL' || coalesce(' from ' || nullif(current_setting('application_name', true), ''), ''));
    INSERT INTO blockade_map.changelog (seq, tx, tx_size, who, at, action, event_id, before, after, reason)
    VALUES (seq, seq, 1, who, to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'), 'edit', NEW.id,
            OLD.feature, NEW.feature, reason);
    RETURN NEW;
END $$;
COMMENT ON FUNCTION blockade_map.gis_edit() IS
    'Applies an edit of an event made in SQL as a logged change (feature, row_version, change log), or refuses it with the reason.';

DROP TRIGGER IF EXISTS events_gis_edit ON blockade_map.events;
CREATE TRIGGER events_gis_edit BEFORE INSERT OR UPDATE OR DELETE ON blockade_map.events
    FOR EACH ROW EXECUTE FUNCTION blockade_map.gis_edit();

-- Every other table is Blockade Map's to write: hotspots, corridors and counts come from the
-- data folder (db dump, edit, db load), the log and the summaries from the changes.
CREATE OR REPLACE FUNCTION blockade_map.refuse_sql_write() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF blockade_map.from_app() OR pg_trigger_depth() > 1 THEN
        RETURN NULL;
    END IF;
    RAISE EXCEPTION 'Blockade Map: % of table % is not done in SQL', TG_OP, TG_TABLE_NAME
        USING HINT = CASE WHEN TG_TABLE_NAME IN ('hotspots', 'corridors', 'reported_counts', 'documents')
                          THEN 'Edit the layer in a data folder: blockade-map db dump DIR, edit DIR, blockade-map db load DIR --replace.'
                          ELSE 'This table is written by Blockade Map with every change; edit the events table''s columns instead.' END,
              ERRCODE = 'insufficient_privilege';
END $$;
COMMENT ON FUNCTION blockade_map.refuse_sql_write() IS
    'Refuses changes made in SQL to the tables Blockade Map writes itself (all but the events'' columns).';

DO $$
DECLARE
    t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['hotspots', 'corridors', 'reported_counts', 'changelog', 'changelog_base', 'event_ids',
                             'meta', 'day_counts', 'start_counts', 'documents'] LOOP
        CONTINUE WHEN to_regclass('blockade_map.' || t) IS NULL;
        EXECUTE format('DROP TRIGGER IF EXISTS %I ON blockade_map.%I', t || '_sql_write', t);
        EXECUTE format('CREATE TRIGGER %I BEFORE INSERT OR UPDATE OR DELETE OR TRUNCATE ON blockade_map.%I '
                       'FOR EACH STATEMENT EXECUTE FUNCTION blockade_map.refuse_sql_write()', t || '_sql_write', t);
    END LOOP;
END $$;

-- ------------------------------------------------------------------ spatial queries

-- Events within `metres` of a point: the bounding-box test uses the GiST index on geom, the
-- exact distance (on the spheroid) keeps only those really within it.
CREATE OR REPLACE FUNCTION blockade_map.events_near(lon float8, lat float8, metres float8)
RETURNS SETOF blockade_map.events LANGUAGE sql STABLE AS $$
    -- the parameters by their function's name: the events table has columns lon and lat too
    SELECT e.* FROM blockade_map.events AS e
     WHERE e.geom && ST_Expand(ST_SetSRID(ST_MakePoint(events_near.lon, events_near.lat), 4326),
                               events_near.metres / (111320.0 * greatest(cos(radians(least(
                                   abs(events_near.lat) + events_near.metres / 111320.0, 89.9))), 0.01)))
       AND ST_DWithin(e.geom::geography,
                      ST_SetSRID(ST_MakePoint(events_near.lon, events_near.lat), 4326)::geography, events_near.metres)
$$;
COMMENT ON FUNCTION blockade_map.events_near(float8, float8, float8) IS
    'Events within metres of the point (lon, lat), found through the spatial index on events.geom.';

-- Events in a box (what a GIS asks when it draws a map extent).
CREATE OR REPLACE FUNCTION blockade_map.events_in_box(west float8, south float8, east float8, north float8)
RETURNS SETOF blockade_map.events LANGUAGE sql STABLE AS $$
    SELECT e.* FROM blockade_map.events AS e WHERE e.geom && ST_MakeEnvelope(west, south, east, north, 4326)
$$;
COMMENT ON FUNCTION blockade_map.events_in_box(float8, float8, float8, float8) IS
    'Events whose point lies in the box [west, south, east, north], through the spatial index on events.geom.';

-- ------------------------------------------------------------------ what everything is (QGIS shows these)

COMMENT ON SCHEMA blockade_map IS 'Blockade Map: protest road blockades and related events, day by day (see the project README and CONTRACT.md).';

COMMENT ON TABLE blockade_map.meta IS 'One row: the schema version, this database''s instance id, the data version bumped by every change, the last change-log number and the layers'' collection members (dataset.json included).';
COMMENT ON COLUMN blockade_map.meta.one IS 'Always true: keeps the table to one row.';
COMMENT ON COLUMN blockade_map.meta.schema_version IS 'The version of these tables; Blockade Map refuses another.';
COMMENT ON COLUMN blockade_map.meta.instance IS 'A random id made by db init: tells one database from another.';
COMMENT ON COLUMN blockade_map.meta.data_version IS 'Bumped by every change (the app''s and SQL edits): the app reloads when it changes.';
COMMENT ON COLUMN blockade_map.meta.last_seq IS 'The number of the last change-log entry.';
COMMENT ON COLUMN blockade_map.meta.layers IS 'The layers'' FeatureCollection members other than features, and dataset.json as "dataset" (regions, area).';

COMMENT ON TABLE blockade_map.events IS 'Events: one row per thing that happened at a place on some days (a blockade, protest, clash, closure, detention). Edit the columns or move the point in a GIS: the change is logged; add, retract and cite sources in Blockade Map.';
COMMENT ON COLUMN blockade_map.events.id IS 'The event''s stable id (never reused, never changed).';
COMMENT ON COLUMN blockade_map.events.ord IS 'The event''s place in the layer (kept by Blockade Map).';
COMMENT ON COLUMN blockade_map.events.row_version IS 'Bumped by every change of the row (kept by Blockade Map; edits check it).';
COMMENT ON COLUMN blockade_map.events.kind IS 'blockade (road, bridge or border crossing blocked), protest, clash (with dead or injured), closure (airport, border post, railway or port shut), detention or other.';
COMMENT ON COLUMN blockade_map.events.start_day IS 'The first day, in the dataset''s time zone.';
COMMENT ON COLUMN blockade_map.events.end_day IS 'The last day, inclusive (the start day when the event lasted one day); never before start_day.';
COMMENT ON COLUMN blockade_map.events.place IS 'The place as reported (a town, a bridge, a km post).';
COMMENT ON COLUMN blockade_map.events.region IS 'The region (department) as the dataset names it.';
COMMENT ON COLUMN blockade_map.events.road IS 'The national route, e.g. PE-3S (empty when none).';
COMMENT ON COLUMN blockade_map.events.km IS 'The kilometre post on that road, 0 to 6,000 (empty when unknown).';
COMMENT ON COLUMN blockade_map.events.fatalities IS 'Dead attributed to this event, 0 to 100,000.';
COMMENT ON COLUMN blockade_map.events.injured IS 'Injured attributed to this event, 0 to 100,000.';
COMMENT ON COLUMN blockade_map.events.detained IS 'Detained attributed to this event, 0 to 100,000.';
COMMENT ON COLUMN blockade_map.events.geo_precision IS '1: the site or town itself; 2: near it, or part of a region; 3: only the region is known.';
COMMENT ON COLUMN blockade_map.events.time_precision IS '1: the day is known; 2: only the week; 3: only the month.';
COMMENT ON COLUMN blockade_map.events.status IS 'confirmed (by an official body or two independent sources) or reported.';
COMMENT ON COLUMN blockade_map.events.lon IS 'Longitude, WGS 84 degrees (follows geom when the point is moved).';
COMMENT ON COLUMN blockade_map.events.lat IS 'Latitude, WGS 84 degrees (follows geom when the point is moved).';
COMMENT ON COLUMN blockade_map.events.geom IS 'The event''s point (EPSG:4326, spatial index events_geom); move it in a GIS and lon, lat and the feature follow.';
COMMENT ON COLUMN blockade_map.events.feature IS 'The event as a GeoJSON Feature with its sources and descriptions: what the app reads; rebuilt from the columns after an edit in SQL.';

COMMENT ON TABLE blockade_map.event_ids IS 'Every event id ever used (current and retracted events): ids are never reused.';
COMMENT ON COLUMN blockade_map.event_ids.id IS 'An event id, in use or retracted.';

COMMENT ON TABLE blockade_map.hotspots IS 'Centres of sustained protest (points, with a level). Written from the data folder''s hotspots.geojson.';
COMMENT ON COLUMN blockade_map.hotspots.ord IS 'The hotspot''s place in the layer.';
COMMENT ON COLUMN blockade_map.hotspots.id IS 'The hotspot''s id, when it has one.';
COMMENT ON COLUMN blockade_map.hotspots.name IS 'The town or regional capital.';
COMMENT ON COLUMN blockade_map.hotspots.region IS 'The region (department).';
COMMENT ON COLUMN blockade_map.hotspots.start_day IS 'The first day of sustained protest.';
COMMENT ON COLUMN blockade_map.hotspots.end_day IS 'The last day, inclusive.';
COMMENT ON COLUMN blockade_map.hotspots.level IS '1 low, 2 high, 3 epicentre.';
COMMENT ON COLUMN blockade_map.hotspots.geom IS 'The hotspot''s point (EPSG:4326, spatial index hotspots_geom).';
COMMENT ON COLUMN blockade_map.hotspots.feature IS 'The hotspot as a GeoJSON Feature with its sources.';

COMMENT ON TABLE blockade_map.corridors IS 'The roads that matter: lines following the road through the towns it passes. Written from the data folder''s corridors.geojson.';
COMMENT ON COLUMN blockade_map.corridors.ord IS 'The corridor''s place in the layer.';
COMMENT ON COLUMN blockade_map.corridors.id IS 'The corridor''s stable slug, e.g. arequipa-juliaca.';
COMMENT ON COLUMN blockade_map.corridors.name IS 'The corridor''s name, e.g. Arequipa–Juliaca.';
COMMENT ON COLUMN blockade_map.corridors.geom IS 'The road as a LineString in the order of travel (EPSG:4326, spatial index corridors_geom).';
COMMENT ON COLUMN blockade_map.corridors.feature IS 'The corridor as a GeoJSON Feature (roads, from, to, via, sources).';

COMMENT ON TABLE blockade_map.reported_counts IS 'National figures that are not places (blockade points, deaths, detained reported nationwide), as reported.';
COMMENT ON COLUMN blockade_map.reported_counts.ord IS 'The row''s place in reported_counts.csv.';
COMMENT ON COLUMN blockade_map.reported_counts.day IS 'The day the figure is for.';
COMMENT ON COLUMN blockade_map.reported_counts.metric IS 'What is counted: blockade_points, roads_blocked, regions_affected, deaths_total, detained, ...';
COMMENT ON COLUMN blockade_map.reported_counts.value IS 'The figure, as reported (0 to 100,000).';
COMMENT ON COLUMN blockade_map.reported_counts.reporter IS 'Who reported it (an agency, an outlet).';
COMMENT ON COLUMN blockade_map.reported_counts.source_url IS 'The link to the report.';

COMMENT ON TABLE blockade_map.changelog IS 'The change log: one row per changed event (who, when, before, after, why), from the app and from edits in SQL; append-only.';
COMMENT ON COLUMN blockade_map.changelog.seq IS 'The entry''s number, gap-free in commit order.';
COMMENT ON COLUMN blockade_map.changelog.tx IS 'The first entry number of the change it belongs to.';
COMMENT ON COLUMN blockade_map.changelog.tx_size IS 'How many entries that change wrote.';
COMMENT ON COLUMN blockade_map.changelog.who IS 'The editor''s name; for an edit in SQL, blockade_map.who or the database user with (SQL).';
COMMENT ON COLUMN blockade_map.changelog.at IS 'When, UTC, ISO 8601 (YYYY-MM-DDTHH:MM:SSZ).';
COMMENT ON COLUMN blockade_map.changelog.action IS 'add, edit, retract, undo or import.';
COMMENT ON COLUMN blockade_map.changelog.event_id IS 'The event changed.';
COMMENT ON COLUMN blockade_map.changelog.before IS 'The event''s Feature before the change (empty when it was added).';
COMMENT ON COLUMN blockade_map.changelog.after IS 'The event''s Feature after the change (empty when it was retracted).';
COMMENT ON COLUMN blockade_map.changelog.reason IS 'Why (for an edit in SQL: blockade_map.reason, or edited in SQL).';
COMMENT ON COLUMN blockade_map.changelog.undoes IS 'For an undo: the number of the entry undone.';
COMMENT ON COLUMN blockade_map.changelog.extra IS 'Further fields of the entry (file digests of a folder''s log).';

COMMENT ON TABLE blockade_map.changelog_base IS 'The events the change log starts from: base plus log give the events table (blockade-map verify-log checks it).';
COMMENT ON COLUMN blockade_map.changelog_base.ord IS 'The event''s place in the base layer.';
COMMENT ON COLUMN blockade_map.changelog_base.feature IS 'The event as a GeoJSON Feature when the log began.';

COMMENT ON TABLE blockade_map.day_counts IS 'Per day, kind and region: the events active that day and their casualties; kept in step with events by a trigger.';
COMMENT ON COLUMN blockade_map.day_counts.day IS 'The day.';
COMMENT ON COLUMN blockade_map.day_counts.kind IS 'The events'' kind.';
COMMENT ON COLUMN blockade_map.day_counts.region IS 'The events'' region.';
COMMENT ON COLUMN blockade_map.day_counts.events IS 'How many events of that kind and region were active that day.';
COMMENT ON COLUMN blockade_map.day_counts.fatalities IS 'Their dead.';
COMMENT ON COLUMN blockade_map.day_counts.injured IS 'Their injured.';
COMMENT ON COLUMN blockade_map.day_counts.detained IS 'Their detained.';

COMMENT ON TABLE blockade_map.start_counts IS 'Per day, kind and region: the events that started that day and their casualties; kept in step with events by a trigger.';
COMMENT ON COLUMN blockade_map.start_counts.day IS 'The day.';
COMMENT ON COLUMN blockade_map.start_counts.kind IS 'The events'' kind.';
COMMENT ON COLUMN blockade_map.start_counts.region IS 'The events'' region.';
COMMENT ON COLUMN blockade_map.start_counts.events IS 'How many events of that kind and region started that day.';
COMMENT ON COLUMN blockade_map.start_counts.fatalities IS 'Their dead.';
COMMENT ON COLUMN blockade_map.start_counts.injured IS 'Their injured.';
COMMENT ON COLUMN blockade_map.start_counts.detained IS 'Their detained.';

COMMENT ON TABLE blockade_map.documents IS 'The data folder''s other files (README.md, basemap.geojson, lexicon.json, gazetteer/*.csv), byte for byte. Written from the data folder.';
COMMENT ON COLUMN blockade_map.documents.name IS 'The file''s path in a data folder, e.g. gazetteer/places.csv.';
COMMENT ON COLUMN blockade_map.documents.content IS 'The file''s bytes.';
COMMENT ON COLUMN blockade_map.documents.digest IS 'SHA-256 of the content: tells a reader cheaply when the file changed.';
