// SPDX-License-Identifier: MIT
#pragma once

#include "domain/date.h"

#include <optional>
#include <string>
#include <vector>

namespace frontline {

enum class ControlState { Held, Contested };
enum class Confidence { High, Medium, Low };
//! Infers: the excerpt is the basis a change is inferred from (a city-wide statement, an enclosure), not a report of it.
enum class Stance { Supports, Disputes, Context, Infers };
enum class ExcerptKind { Quote, Note };

[[nodiscard]] std::string_view toString(ControlState);
[[nodiscard]] std::string_view toString(Confidence);
[[nodiscard]] std::string_view toString(Stance);
[[nodiscard]] std::string_view toString(ExcerptKind);
[[nodiscard]] std::optional<ControlState> parseControlState(std::string_view);
[[nodiscard]] std::optional<Confidence> parseConfidence(std::string_view);
[[nodiscard]] std::optional<Stance> parseStance(std::string_view);
[[nodiscard]] std::optional<ExcerptKind> parseExcerptKind(std::string_view);

struct LonLat {
    double lon = 0;
    double lat = 0;
    bool operator==(const LonLat &) const = default;
};

struct BoundingBox {
    LonLat min;
    LonLat max;
};

//! A polygon as rings of WGS84 coordinates: the first is the outer ring, the others holes.
using Polygon = std::vector<std::vector<LonLat>>;

struct Faction {
    std::string id;
    std::string name;
    std::string colour; //!< `#RRGGBB`
};

struct District {
    int number = 0; //!< the database's number for it: its ControlVector index + 1
    std::string id;
    std::string name;
    std::string nameArabic;
    std::vector<Polygon> parts; //!< empty unless asked for
    LonLat centroid;
    BoundingBox bbox;
};

//! Who holds one district from one day on, until its next change.
struct ControlChange {
    std::string id;
    Date date;
    std::string districtId;
    ControlState state = ControlState::Held;
    std::vector<std::string> factions; //!< the holder, or the sides of a contest
    Confidence confidence = Confidence::Medium;
    std::string note;
    bool inferred = false; //!< no report names it: it rests on evidence that infers it (Stance::Infers)
    bool draft = false; //!< recorded or corrected, not yet verified by a colleague
    std::string recordedBy; //!< who recorded it in Frontline; empty for an imported change
};

struct Source {
    std::string id;
    std::string publisher;
    std::string author;
    std::string title;
    std::string url;
    std::string date; //!< as published; may be empty
};

struct Excerpt {
    std::string id;
    std::string sourceId;
    ExcerptKind kind = ExcerptKind::Note;
    std::string text;
};

//! One piece of evidence: an excerpt and whether it supports or disputes a change.
struct Evidence {
    Excerpt excerpt;
    Source source;
    Stance stance = Stance::Supports;
};

//! Changes of one day that rest on the same strongest source and set the same control: one line of a caption.
struct DayCaption {
    std::vector<std::string> districts; //!< names, in the order of the changes
    ControlState state = ControlState::Held;
    std::vector<std::string> factions;
    std::string publisher; //!< of the strongest source; empty if the changes cite none
    std::string excerpt; //!< its text
    Stance stance = Stance::Supports;
};

struct ChangeWithEvidence {
    ControlChange change;
    std::vector<Evidence> evidence;
};

//! A district's control on one day.
struct DistrictState {
    std::string districtId;
    std::string name;
    std::optional<ControlChange> change; //!< the latest change up to that day; empty when unknown
    Date since; //!< first day of the run of changes with the same state and factions as `change`
};

} // namespace frontline
