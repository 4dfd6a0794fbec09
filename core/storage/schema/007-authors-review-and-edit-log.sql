-- Version 7: who recorded what and when, review, and the edit log.
-- Every edit made in Frontline (a recorded change, a citation, a correction, a retraction, a review, an import,
-- an undo) appends one row per change it touched; rows are never changed or removed. The log keeps what a
-- change was before and after each edit, so a corrected, retracted or rejected change stays in its district's
-- history while `changes` holds only the record as it stands.
CREATE TABLE edits (
    num       INTEGER PRIMARY KEY,
    at        TEXT NOT NULL, -- UTC, YYYY-MM-DDTHH:MM:SSZ
    author    TEXT NOT NULL,
    action    TEXT NOT NULL CHECK (action IN ('import', 'record', 'cite', 'correct', 'retract', 'verify', 'reject',
                                              'undo', 'redo')),
    change_id TEXT NOT NULL DEFAULT '', -- the change it is about; '' for an import
    district  TEXT NOT NULL DEFAULT '', -- that change's district id
    before    TEXT NOT NULL DEFAULT '', -- the change as it was ('' when it is new), see docs/data-format.md
    after     TEXT NOT NULL DEFAULT '', -- the change as it is now ('' when it left the record)
    reason    TEXT NOT NULL DEFAULT ''  -- a retraction's or rejection's reason; the file an import read
);
CREATE INDEX edits_by_change ON edits (change_id) WHERE change_id <> '';
CREATE INDEX edits_by_district ON edits (district) WHERE district <> '';
CREATE TRIGGER edits_are_kept BEFORE DELETE ON edits BEGIN
    SELECT RAISE(ABORT, 'the edit log is append-only');
END;
CREATE TRIGGER edits_are_final BEFORE UPDATE ON edits BEGIN
    SELECT RAISE(ABORT, 'the edit log is append-only');
END;

-- Review: a change or a piece of evidence is a draft until someone other than its author verifies it. What
-- files already held, and what an import brings, is verified: whoever imports it vouches for it. A rejected
-- one leaves the record (its row, with the reason, stays in `edits`).
ALTER TABLE changes ADD COLUMN status INTEGER NOT NULL DEFAULT 1 CHECK (status IN (0, 1)); -- 0 draft, 1 verified
ALTER TABLE changes ADD COLUMN recorded INTEGER REFERENCES edits(num); -- the edit that recorded it; NULL: imported
ALTER TABLE evidence ADD COLUMN status INTEGER NOT NULL DEFAULT 1 CHECK (status IN (0, 1));
ALTER TABLE evidence ADD COLUMN recorded INTEGER REFERENCES edits(num);
ALTER TABLE excerpts ADD COLUMN recorded INTEGER REFERENCES edits(num);
ALTER TABLE sources ADD COLUMN recorded INTEGER REFERENCES edits(num);
ALTER TABLE sources ADD COLUMN archived_url TEXT NOT NULL DEFAULT ''; -- a copy kept by an archive (Wayback, archive.today)

DROP VIEW evidence_list;
DROP VIEW change_list;
CREATE VIEW change_list AS
    SELECT c.num, coalesce(c.id, '#' || c.num) AS id, date(c.day * 86400, 'unixepoch') AS day, d.id AS district_id,
           k.state, k.confidence, k.factions, coalesce(c.note, '') AS note, k.inferred,
           CASE c.status WHEN 0 THEN 'draft' ELSE 'verified' END AS status,
           coalesce(r.author, '') AS recorded_by, coalesce(r.at, '') AS recorded_at
    FROM changes c JOIN districts d ON d.num = c.district JOIN controls k ON k.num = c.control
    LEFT JOIN edits r ON r.num = c.recorded;
CREATE VIEW evidence_list AS
    SELECT e.change AS change_num, coalesce(c.id, '#' || c.num) AS change_id, e.excerpt_id,
           CASE e.stance WHEN 0 THEN 'supports' WHEN 1 THEN 'disputes' WHEN 2 THEN 'context' ELSE 'infers' END AS stance,
           CASE e.status WHEN 0 THEN 'draft' ELSE 'verified' END AS status,
           coalesce(r.author, '') AS recorded_by, coalesce(r.at, '') AS recorded_at
    FROM evidence e JOIN changes c ON c.num = e.change LEFT JOIN edits r ON r.num = e.recorded;
