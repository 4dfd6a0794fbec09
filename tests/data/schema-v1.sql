-- A database as Frontline 0.1 (schema version 1) wrote it: used to test upgrades. Do not change.
CREATE TABLE factions (id TEXT PRIMARY KEY, name TEXT NOT NULL, colour TEXT NOT NULL CHECK (length(colour) = 7 AND colour GLOB '#[0-9A-Fa-f]*'));
CREATE TABLE districts (id TEXT PRIMARY KEY, name TEXT NOT NULL, name_ar TEXT NOT NULL DEFAULT '', geometry BLOB NOT NULL,
    centroid_lon REAL NOT NULL, centroid_lat REAL NOT NULL, min_lon REAL NOT NULL, min_lat REAL NOT NULL, max_lon REAL NOT NULL, max_lat REAL NOT NULL);
CREATE TABLE adjacency (a TEXT NOT NULL REFERENCES districts(id), b TEXT NOT NULL REFERENCES districts(id), border BLOB NOT NULL,
    PRIMARY KEY (a, b), CHECK (a < b)) WITHOUT ROWID;
CREATE TABLE changes (id TEXT PRIMARY KEY, day TEXT NOT NULL CHECK (date(day) IS day), district_id TEXT NOT NULL REFERENCES districts(id),
    state TEXT NOT NULL CHECK (state IN ('held', 'contested')), confidence TEXT NOT NULL CHECK (confidence IN ('high', 'medium', 'low')),
    note TEXT NOT NULL DEFAULT '');
CREATE INDEX changes_by_district ON changes (district_id, day);
CREATE INDEX changes_by_day ON changes (day);
CREATE TABLE change_factions (change_id TEXT NOT NULL REFERENCES changes(id) ON DELETE CASCADE, faction_id TEXT NOT NULL REFERENCES factions(id),
    position INTEGER NOT NULL, PRIMARY KEY (change_id, faction_id)) WITHOUT ROWID;
CREATE TABLE sources (id TEXT PRIMARY KEY, publisher TEXT NOT NULL, author TEXT NOT NULL DEFAULT '', title TEXT NOT NULL DEFAULT '',
    url TEXT NOT NULL DEFAULT '', published TEXT NOT NULL DEFAULT '');
CREATE TABLE excerpts (id TEXT PRIMARY KEY, source_id TEXT NOT NULL REFERENCES sources(id), kind TEXT NOT NULL CHECK (kind IN ('quote', 'note')), text TEXT NOT NULL);
CREATE TABLE evidence (change_id TEXT NOT NULL REFERENCES changes(id) ON DELETE CASCADE, excerpt_id TEXT NOT NULL REFERENCES excerpts(id),
    stance TEXT NOT NULL CHECK (stance IN ('supports', 'disputes', 'context')), PRIMARY KEY (change_id, excerpt_id)) WITHOUT ROWID;
CREATE TABLE metadata (key TEXT PRIMARY KEY, value TEXT NOT NULL);
INSERT INTO factions VALUES ('blue', 'Blue side', '#0072B2'), ('red', 'Red side', '#D55E00');
-- Two unit squares side by side (WKB, little endian).
INSERT INTO districts VALUES ('a', 'Qal’et ash-Sharif', 'قلعة الشريف',
    X'010300000001000000050000000000000000000000000000000000000000000000000000000000000000000000000000000000F03F000000000000F03F000000000000F03F000000000000F03F000000000000000000000000000000000000000000000000',
    0.5, 0.5, 0, 0, 1, 1);
INSERT INTO districts VALUES ('b', 'Bab al-Hadid', '',
    X'0103000000010000000500000000000000000000F03F000000000000000000000000000000F03F000000000000F03F0000000000000040000000000000F03F00000000000000400000000000000000000000000000F03F0000000000000000',
    1.5, 0.5, 1, 0, 2, 1);
INSERT INTO changes VALUES ('c1', '2016-11-15', 'a', 'held', 'high', ''), ('c2', '2016-12-01', 'a', 'held', 'medium', '');
INSERT INTO change_factions VALUES ('c1', 'blue', 0), ('c2', 'red', 0);
INSERT INTO sources VALUES ('s1', 'Monitor', '', 'Report', '', '2016-12-01');
INSERT INTO excerpts VALUES ('e1', 's1', 'note', 'Barrel bombs fell before the advance.');
INSERT INTO evidence VALUES ('c2', 'e1', 'supports');
PRAGMA application_id = 1179798606;
PRAGMA user_version = 1;
