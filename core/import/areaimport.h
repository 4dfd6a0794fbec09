// SPDX-License-Identifier: MIT
#pragma once

#include "domain/date.h"
#include "error.h"
#include "import/importsummary.h"
#include "storage/database.h"

#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace frontline {

//! Thresholds for area-of-control snapshots: the share of a district's area inside a faction's area.
struct AreaThresholds {
    double held = 0.75; //!< at least this: held by the faction
    double contested = 0.25; //!< at least this (and less than `held`): contested with its holder
};

//! An archive of a faction's territory on dates (DeepStateMap's daily files, ISW's layers): vector files of
//! polygons, each file or each feature dated.
struct AreaArchive {
    //! What a snapshot is taken to say.
    enum class Role {
        Control, //!< the districts' control: changes where it differs from the day before
        Claim, //!< one side's claim: evidence for (or against) the control already recorded that day
    };
    std::vector<std::filesystem::path> paths; //!< files, or folders of them (every vector file inside)
    std::string faction; //!< whose area the polygons are
    std::string others; //!< who holds what no snapshot covers; empty: the snapshot says nothing there
    std::optional<Date> date; //!< one date for every file; or:
    std::string dateFromName; //!< a strptime pattern in the file name (`deepstatemap_data_%Y%m%d`); or:
    std::string dateField; //!< an attribute with each feature's date (a date, a date-time, epoch milliseconds)
    std::string where; //!< OGR SQL attribute filter: only the features that match
    std::string layer; //!< the layer to read; empty: the first
    std::string source = "Area-of-control snapshot"; //!< the publisher named in the evidence
    std::string sourceUrl;
    Role role = Role::Control;
    AreaThresholds thresholds;
    //! Told after each file read and each snapshot applied: a phase ("reading", "applying"), done, total.
    std::function<void(std::string_view, std::size_t, std::size_t)> progress;
};

//! Turns an archive's snapshots, in date order, into control changes of the districts they cover (or, for
//! claims, into evidence), each with its snapshot as a source naming its date and file. Polygons inside
//! GeometryCollections count; points, lines and features without geometry are skipped and counted;
//! overlapping polygons are unioned; invalid ones repaired. A district at least `held` inside is the
//! faction's; at least `contested` inside, contested between the faction and its other holders (or
//! `others`); less, `others`' if given, else unchanged. A snapshot imported before (same faction, date and
//! file) is read again in its place and adds nothing where the record follows it already. One transaction:
//! an error leaves the database as it was.
[[nodiscard]] Result<ImportSummary> importAreas(const Database &db, const AreaArchive &archive);

} // namespace frontline
