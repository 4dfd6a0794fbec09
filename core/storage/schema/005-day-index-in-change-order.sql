-- Version 5: the day index holds each day's changes in the order they were made, so that replaying days
-- (the day cursor, the snapshots) reads them straight from the index instead of sorting them.
DROP INDEX changes_by_day;
CREATE INDEX changes_by_day ON changes (day, num, district, control);
