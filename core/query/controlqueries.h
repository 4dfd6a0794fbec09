// SPDX-License-Identifier: MIT
#pragma once

#include "domain/records.h"
#include "error.h"
#include "storage/database.h"

#include <cstdint>
#include <map>
#include <optional>
#include <string_view>
#include <vector>

namespace frontline {

//! Days that have changes, with how many.
//! One change of a day as the day's list needs it: numbers, not names (the viewer has those in memory).
struct DayChange {
    std::int64_t district = 0; //!< district number
    std::uint16_t control = 0; //!< entry of table `controls`
};

struct ChangeDay {
    Date date;
    int changes = 0;
};

//! The days a dataset covers: from its first change to its last, or to the end its metadata declares if later.
struct DataSpan {
    Date first;
    Date lastChange;
    Date last;
    //! Why `date` has no answer (before the first change), or empty: after the span, the state is the last day's.
    [[nodiscard]] std::string refusal(Date date) const;
    //! A note for a date after the span (nothing recorded since its last day), or empty.
    [[nodiscard]] std::string note(Date date) const;
};

//! A full-text search result: a district name, an excerpt with the change it is evidence for, or an incident
//! (its description or a report of it).
struct SearchHit {
    std::string districtId; //!< empty for incident hits
    std::string districtName; //!< the incident's place, for incident hits
    std::optional<Date> date; //!< the change's or incident's day
    std::string changeId; //!< excerpt hits only
    std::optional<Stance> stance;
    std::string text; //!< the excerpt or description with [matches] marked, or the matching name
    std::string incidentId; //!< incident hits only

    //! "name", "excerpt" or "incident".
    [[nodiscard]] std::string_view kind() const
    {
        return !incidentId.empty() ? "incident" : changeId.empty() ? "name" : "excerpt";
    }
};

//! An incident (shelling, displacement, a report about a place that is not a district) with its sources.
struct Incident {
    std::string id;
    Date date;
    std::string place;
    std::string placeArabic;
    std::optional<LonLat> at; //!< empty where the place could not be located
    std::string locationConfidence;
    std::string description;
    Confidence confidence = Confidence::Medium;
    std::vector<Evidence> evidence;
};

//! Read-only questions asked of a Database: who held what when, and why we think so.
//! Holds a reference to the database, which must outlive it. Not thread-safe.
class ControlQueries {
public:
    explicit ControlQueries(const Database &db) : m_db(db) { }

    [[nodiscard]] Result<std::vector<Faction>> factions() const;
    //! All districts, sorted by id; with their polygons when `withGeometry`. A polygon part with more than
    //! `maxVertices` vertices (if not 0) is simplified (GEOS, topology preserved) to about that many.
    [[nodiscard]] Result<std::vector<District>> districts(bool withGeometry, std::size_t maxVertices = 0) const;
    //! Every district's latest change on or before `date`.
    [[nodiscard]] Result<std::vector<DistrictState>> stateAt(Date date) const;
    //! A district's changes, oldest first, each with its evidence.
    [[nodiscard]] Result<std::vector<ChangeWithEvidence>> history(const std::string &districtId) const;
    [[nodiscard]] Result<std::vector<ChangeDay>> changeDays() const;
    //! The first day after `date` with a change (`direction` > 0), or the last day before it (< 0); none at the ends.
    [[nodiscard]] Result<std::optional<Date>> nearestChangeDay(Date date, int direction) const;
    //! The district whose id is `key`, or whose name (any script, alternative names too) matches it
    //! without regard to case, diacritics or apostrophe style; an error if none or several.
    [[nodiscard]] Result<std::string> findDistrict(const std::string &key) const;
    //! The shared borders between districts whose holders have no faction in common on `date`.
    [[nodiscard]] Result<std::vector<std::vector<LonLat>>> frontLine(Date date) const;
    //! A district's polygon as stored (WKB, WGS84); empty if there is no such district.
    [[nodiscard]] Result<std::vector<unsigned char>> geometry(const std::string &districtId) const;
    //! The district that contains the point, if any.
    [[nodiscard]] Result<std::optional<std::string>> districtAt(LonLat point) const;
    [[nodiscard]] Result<std::map<std::string, std::string>> metadata() const;
    //! The publishers of the sources behind each district's control on `date` (its change then, any stance),
    //! the most cited first: who an exported map of that day has to credit.
    [[nodiscard]] Result<std::vector<std::string>> publishersAt(Date date) const;
    //! The day's changes in the order they were made (read from the covering day index).
    [[nodiscard]] Result<std::vector<DayChange>> changesOn(Date date) const;
    //! The day's changes for a video's captions: grouped by the strongest source of each (a supporting quote
    //! before a note, then context, then a dispute) and the control they set, in the order of the changes.
    [[nodiscard]] Result<std::vector<DayCaption>> captionsOn(Date date) const;
    //! The dataset's span; an error if it has no changes yet.
    [[nodiscard]] Result<DataSpan> span() const;
    //! The incidents reported for a day, with their sources.
    [[nodiscard]] Result<std::vector<Incident>> incidentsOn(Date date) const;
    //! Full-text search (SQLite FTS5 syntax: words, "phrases", OR, prefix*) over district names and
    //! excerpts; names first, then excerpts by relevance.
    [[nodiscard]] Result<std::vector<SearchHit>> search(const std::string &query, int limit = 200) const;

private:
    const Database &m_db;
};

} // namespace frontline
