-- Version 3: incidents (shelling, displacement, massacres, reports about places that are not districts),
-- each on a day, placed where possible, with its sources.
CREATE TABLE incidents (
    id                  TEXT PRIMARY KEY,
    day                 TEXT NOT NULL CHECK (date(day) IS day),
    place               TEXT NOT NULL,
    place_ar            TEXT NOT NULL DEFAULT '',
    lat                 REAL CHECK (lat IS NULL OR lat BETWEEN -90 AND 90),
    lon                 REAL CHECK (lon IS NULL OR lon BETWEEN -180 AND 180),
    location_confidence TEXT NOT NULL DEFAULT '',
    description         TEXT NOT NULL,
    confidence          TEXT NOT NULL CHECK (confidence IN ('high', 'medium', 'low'))
);
CREATE INDEX incidents_by_day ON incidents (day);
CREATE TABLE incident_evidence (
    incident_id TEXT NOT NULL REFERENCES incidents(id) ON DELETE CASCADE,
    excerpt_id  TEXT NOT NULL REFERENCES excerpts(id),
    PRIMARY KEY (incident_id, excerpt_id)
) WITHOUT ROWID;
