-- Frontline database schema, version 1. Never edit a released step: add a new one. See docs/data-format.md.
CREATE TABLE factions (
    id     TEXT PRIMARY KEY,
    name   TEXT NOT NULL,
    colour TEXT NOT NULL CHECK (length(colour) = 7 AND colour GLOB '#[0-9A-Fa-f]*')
);
CREATE TABLE districts (
    id           TEXT PRIMARY KEY,
    name         TEXT NOT NULL,
    name_ar      TEXT NOT NULL DEFAULT '',
    geometry     BLOB NOT NULL, -- WKB (Multi)Polygon, WGS84 lon/lat
    centroid_lon REAL NOT NULL,
    centroid_lat REAL NOT NULL,
    min_lon REAL NOT NULL, min_lat REAL NOT NULL, max_lon REAL NOT NULL, max_lat REAL NOT NULL
);
CREATE TABLE adjacency (
    a      TEXT NOT NULL REFERENCES districts(id),
    b      TEXT NOT NULL REFERENCES districts(id),
    border BLOB NOT NULL, -- WKB (Multi)LineString shared by a and b
    PRIMARY KEY (a, b),
    CHECK (a < b)
) WITHOUT ROWID;
CREATE TABLE changes (
    id          TEXT PRIMARY KEY,
    day         TEXT NOT NULL CHECK (date(day) IS day),
    district_id TEXT NOT NULL REFERENCES districts(id),
    state       TEXT NOT NULL CHECK (state IN ('held', 'contested')),
    confidence  TEXT NOT NULL CHECK (confidence IN ('high', 'medium', 'low')),
    note        TEXT NOT NULL DEFAULT ''
);
CREATE INDEX changes_by_district ON changes (district_id, day);
CREATE INDEX changes_by_day ON changes (day);
CREATE TABLE change_factions (
    change_id  TEXT NOT NULL REFERENCES changes(id) ON DELETE CASCADE,
    faction_id TEXT NOT NULL REFERENCES factions(id),
    position   INTEGER NOT NULL,
    PRIMARY KEY (change_id, faction_id)
) WITHOUT ROWID;
CREATE TABLE sources (
    id        TEXT PRIMARY KEY,
    publisher TEXT NOT NULL,
    author    TEXT NOT NULL DEFAULT '',
    title     TEXT NOT NULL DEFAULT '',
    url       TEXT NOT NULL DEFAULT '',
    published TEXT NOT NULL DEFAULT ''
);
CREATE TABLE excerpts (
    id        TEXT PRIMARY KEY,
    source_id TEXT NOT NULL REFERENCES sources(id),
    kind      TEXT NOT NULL CHECK (kind IN ('quote', 'note')),
    text      TEXT NOT NULL
);
CREATE TABLE evidence (
    change_id  TEXT NOT NULL REFERENCES changes(id) ON DELETE CASCADE,
    excerpt_id TEXT NOT NULL REFERENCES excerpts(id),
    stance     TEXT NOT NULL CHECK (stance IN ('supports', 'disputes', 'context')),
    PRIMARY KEY (change_id, excerpt_id)
) WITHOUT ROWID;
CREATE TABLE metadata (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
