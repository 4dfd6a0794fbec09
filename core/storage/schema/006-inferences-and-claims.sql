-- Version 6: inferred control and reported shares.
-- A piece of evidence can be the basis a change is inferred from (stance 3, "infers"): a city-wide statement
-- applied to a district no report names, or an enclosure. A change whose evidence has such a basis and no
-- support is inferred; its control entry says so, so that the map can draw it apart from reported control.
DROP VIEW evidence_list; -- the views name the tables rebuilt here
DROP VIEW change_list;
CREATE TABLE controls_v6 (
    num        INTEGER PRIMARY KEY CHECK (num BETWEEN 1 AND 65535), -- snapshots store it in 16 bits
    state      TEXT NOT NULL CHECK (state IN ('held', 'contested')),
    confidence TEXT NOT NULL CHECK (confidence IN ('high', 'medium', 'low')),
    factions   TEXT NOT NULL, -- faction ids in order, ';'-joined: the holder, or the sides of a contest
    inferred   INTEGER NOT NULL DEFAULT 0 CHECK (inferred IN (0, 1)), -- 1: no report names it, it is inferred
    UNIQUE (state, confidence, factions, inferred)
);
INSERT INTO controls_v6 (num, state, confidence, factions) SELECT num, state, confidence, factions FROM controls;
DROP TABLE controls;
ALTER TABLE controls_v6 RENAME TO controls;

CREATE TABLE evidence_v6 (
    change     INTEGER NOT NULL REFERENCES changes(num) ON DELETE CASCADE,
    excerpt_id TEXT NOT NULL REFERENCES excerpts(id),
    stance     INTEGER NOT NULL CHECK (stance IN (0, 1, 2, 3)), -- supports, disputes, context, infers
    PRIMARY KEY (change, excerpt_id)
) WITHOUT ROWID;
INSERT INTO evidence_v6 SELECT change, excerpt_id, stance FROM evidence;
DROP TABLE evidence;
ALTER TABLE evidence_v6 RENAME TO evidence;
CREATE INDEX evidence_inferring ON evidence (change) WHERE stance = 3;

CREATE VIEW change_list AS
    SELECT c.num, coalesce(c.id, '#' || c.num) AS id, date(c.day * 86400, 'unixepoch') AS day, d.id AS district_id,
           k.state, k.confidence, k.factions, coalesce(c.note, '') AS note, k.inferred
    FROM changes c JOIN districts d ON d.num = c.district JOIN controls k ON k.num = c.control;
CREATE VIEW evidence_list AS
    SELECT e.change AS change_num, coalesce(c.id, '#' || c.num) AS change_id, e.excerpt_id,
           CASE e.stance WHEN 0 THEN 'supports' WHEN 1 THEN 'disputes' WHEN 2 THEN 'context' ELSE 'infers' END AS stance
    FROM evidence e JOIN changes c ON c.num = e.change;

-- Aggregate claims: "faction F holds P% of area A on day D", as someone reported it, with the excerpt that says
-- so. An area is a named set of districts (e.g. the east as it was held on the first day).
CREATE TABLE claim_areas (
    id   TEXT PRIMARY KEY,
    name TEXT NOT NULL
);
CREATE TABLE claim_area_districts (
    area_id     TEXT NOT NULL REFERENCES claim_areas(id) ON DELETE CASCADE,
    district_id TEXT NOT NULL REFERENCES districts(id),
    PRIMARY KEY (area_id, district_id)
) WITHOUT ROWID;
CREATE TABLE share_claims (
    id         TEXT PRIMARY KEY,
    day        TEXT NOT NULL CHECK (date(day) IS day),
    area_id    TEXT NOT NULL REFERENCES claim_areas(id),
    faction_id TEXT NOT NULL REFERENCES factions(id),
    percent    REAL NOT NULL CHECK (percent BETWEEN 0 AND 100),
    claimant   TEXT NOT NULL, -- who said it: "SOHR", "the army"
    excerpt_id TEXT REFERENCES excerpts(id)
);
CREATE INDEX share_claims_by_day ON share_claims (day);
