-- Version 4: compact storage for a country over years (tens of millions of changes). Districts get a
-- number; a change stores its day as a day number (days since 1970-01-01), its district's number and
-- one entry of `controls`, the few distinct (state, confidence, sides) that changes set. The views
-- `change_list` and `evidence_list` show both tables as the dataset's CSV files have them.
CREATE TABLE districts_v4 (
    num          INTEGER PRIMARY KEY,
    id           TEXT NOT NULL UNIQUE,
    name         TEXT NOT NULL,
    name_ar      TEXT NOT NULL DEFAULT '',
    geometry     BLOB NOT NULL, -- WKB (Multi)Polygon, WGS84 lon/lat
    centroid_lon REAL NOT NULL,
    centroid_lat REAL NOT NULL,
    min_lon REAL NOT NULL, min_lat REAL NOT NULL, max_lon REAL NOT NULL, max_lat REAL NOT NULL
);
INSERT INTO districts_v4 (id, name, name_ar, geometry, centroid_lon, centroid_lat, min_lon, min_lat, max_lon, max_lat)
    SELECT id, name, name_ar, geometry, centroid_lon, centroid_lat, min_lon, min_lat, max_lon, max_lat
    FROM districts ORDER BY id;

CREATE TABLE controls (
    num        INTEGER PRIMARY KEY CHECK (num BETWEEN 1 AND 65535), -- snapshots store it in 16 bits
    state      TEXT NOT NULL CHECK (state IN ('held', 'contested')),
    confidence TEXT NOT NULL CHECK (confidence IN ('high', 'medium', 'low')),
    factions   TEXT NOT NULL, -- faction ids in order, ';'-joined: the holder, or the sides of a contest
    UNIQUE (state, confidence, factions)
);
CREATE TEMP TABLE old_sides AS
    SELECT c.rowid AS old, c.state, c.confidence,
           (SELECT group_concat(faction_id, ';') FROM
               (SELECT faction_id FROM change_factions WHERE change_id = c.id ORDER BY position)) AS factions
    FROM changes c;
INSERT OR IGNORE INTO controls (state, confidence, factions) SELECT state, confidence, factions FROM old_sides ORDER BY old;

CREATE TABLE changes_v4 (
    num      INTEGER PRIMARY KEY,
    id       TEXT, -- the dataset's id; NULL when it has none (generated data), shown as '#' || num
    day      INTEGER NOT NULL, -- days since 1970-01-01
    district INTEGER NOT NULL REFERENCES districts(num),
    control  INTEGER NOT NULL REFERENCES controls(num),
    note     TEXT -- NULL when none
);
INSERT INTO changes_v4 (num, id, day, district, control, note)
    SELECT c.rowid, c.id, CAST(julianday(c.day) - 2440587.5 AS INTEGER), d.num, k.num, nullif(c.note, '')
    FROM changes c JOIN old_sides o ON o.old = c.rowid JOIN districts_v4 d ON d.id = c.district_id
    JOIN controls k ON k.state = o.state AND k.confidence = o.confidence AND k.factions = o.factions;

CREATE TABLE evidence_v4 (
    change     INTEGER NOT NULL REFERENCES changes(num) ON DELETE CASCADE,
    excerpt_id TEXT NOT NULL REFERENCES excerpts(id),
    stance     INTEGER NOT NULL CHECK (stance IN (0, 1, 2)), -- supports, disputes, context
    PRIMARY KEY (change, excerpt_id)
) WITHOUT ROWID;
INSERT INTO evidence_v4 (change, excerpt_id, stance)
    SELECT c.rowid, e.excerpt_id, CASE e.stance WHEN 'supports' THEN 0 WHEN 'disputes' THEN 1 ELSE 2 END
    FROM evidence e JOIN changes c ON c.id = e.change_id;

DROP TABLE old_sides;
DROP TABLE evidence;
DROP TABLE change_factions;
DROP TABLE changes;
DROP TABLE districts;
ALTER TABLE districts_v4 RENAME TO districts;
ALTER TABLE changes_v4 RENAME TO changes;
ALTER TABLE evidence_v4 RENAME TO evidence;
CREATE UNIQUE INDEX changes_by_id ON changes (id) WHERE id IS NOT NULL;
CREATE INDEX changes_by_district ON changes (district, day);
CREATE INDEX changes_by_day ON changes (day, district, control); -- covers the control index's rebuild

-- Derived from `changes` after every import (see core/query/controlindex.h): each district's control
-- after every 32nd day, so that any day's state is one snapshot plus at most 31 days of changes.
CREATE TABLE control_snapshots (
    day      INTEGER PRIMARY KEY,
    controls BLOB NOT NULL -- district number n at byte 2(n-1): its control number, 16-bit little-endian, 0 unknown
);

CREATE VIEW change_list AS
    SELECT c.num, coalesce(c.id, '#' || c.num) AS id, date(c.day * 86400, 'unixepoch') AS day, d.id AS district_id,
           k.state, k.confidence, k.factions, coalesce(c.note, '') AS note
    FROM changes c JOIN districts d ON d.num = c.district JOIN controls k ON k.num = c.control;
CREATE VIEW evidence_list AS
    SELECT e.change AS change_num, coalesce(c.id, '#' || c.num) AS change_id, e.excerpt_id,
           CASE e.stance WHEN 0 THEN 'supports' WHEN 1 THEN 'disputes' ELSE 'context' END AS stance
    FROM evidence e JOIN changes c ON c.num = e.change;
