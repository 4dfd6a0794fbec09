-- Version 2: every name a district is known by, matched without case, diacritics or apostrophe style;
-- full-text search over excerpts and names.
CREATE TABLE district_names (
    district_id TEXT NOT NULL REFERENCES districts(id) ON DELETE CASCADE,
    name        TEXT NOT NULL,
    match_key   TEXT NOT NULL, -- normalized: lower case, no diacritics, one apostrophe style
    UNIQUE (district_id, name)
);
CREATE INDEX district_names_by_key ON district_names (match_key);
-- Names of version-1 districts are indexed exactly here; Frontline fills match keys when it opens the file.
INSERT INTO district_names (district_id, name, match_key) SELECT id, name, '' FROM districts;
INSERT OR IGNORE INTO district_names (district_id, name, match_key) SELECT id, name_ar, '' FROM districts WHERE name_ar <> '';

CREATE VIRTUAL TABLE excerpts_fts USING fts5 (text, content = 'excerpts', content_rowid = 'rowid',
                                              tokenize = 'unicode61 remove_diacritics 2');
INSERT INTO excerpts_fts (excerpts_fts) VALUES ('rebuild');
CREATE TRIGGER excerpts_ai AFTER INSERT ON excerpts BEGIN
    INSERT INTO excerpts_fts (rowid, text) VALUES (new.rowid, new.text);
END;
CREATE TRIGGER excerpts_ad AFTER DELETE ON excerpts BEGIN
    INSERT INTO excerpts_fts (excerpts_fts, rowid, text) VALUES ('delete', old.rowid, old.text);
END;
CREATE TRIGGER excerpts_au AFTER UPDATE ON excerpts BEGIN
    INSERT INTO excerpts_fts (excerpts_fts, rowid, text) VALUES ('delete', old.rowid, old.text);
    INSERT INTO excerpts_fts (rowid, text) VALUES (new.rowid, new.text);
END;

CREATE VIRTUAL TABLE names_fts USING fts5 (name, content = 'district_names', content_rowid = 'rowid',
                                           tokenize = 'unicode61 remove_diacritics 2');
INSERT INTO names_fts (names_fts) VALUES ('rebuild');
CREATE TRIGGER district_names_ai AFTER INSERT ON district_names BEGIN
    INSERT INTO names_fts (rowid, name) VALUES (new.rowid, new.name);
END;
CREATE TRIGGER district_names_ad AFTER DELETE ON district_names BEGIN
    INSERT INTO names_fts (names_fts, rowid, name) VALUES ('delete', old.rowid, old.name);
END;
