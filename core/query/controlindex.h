// SPDX-License-Identifier: MIT
#pragma once

#include "domain/records.h"
#include "storage/database.h"

#include <cstdint>
#include <span>
#include <vector>

namespace frontline {

//! Every district's control on one day: element n - 1 is the control number (table `controls`) of
//! district number n; 0 where nothing is known.
using ControlVector = std::vector<std::uint16_t>;

//! One entry of table `controls`: a state, a confidence and the sides, shared by many changes.
struct Control {
    ControlState state = ControlState::Held;
    Confidence confidence = Confidence::Medium;
    std::vector<std::string> factions;
    bool inferred = false; //!< the changes that set it are inferred, not reported
};

//! Snapshots of everyone's control every kSnapshotEvery days, so that any day's state costs one snapshot
//! and at most kSnapshotEvery - 1 days of changes. Derived from `changes`; imports rebuild it before they
//! commit. Days are day numbers (Date::dayNumber()).
namespace controlindex {
inline constexpr int kSnapshotEvery = 32;

//! The first day of the block of kSnapshotEvery days that holds `day`; a snapshot is taken after the last.
[[nodiscard]] constexpr int blockStart(int day)
{
    return day - ((day % kSnapshotEvery) + kSnapshotEvery) % kSnapshotEvery;
}

//! Rebuilds the snapshots from `fromDay` on (the earliest day an import touched).
[[nodiscard]] Result<void> rebuild(const Database &db, int fromDay);
//! Brings the snapshots up to date after an edit of `districts` from `fromDay` on, in place: each snapshot since
//! gets those districts' controls, and snapshots a later change now needs are added. The rest stays as it is.
[[nodiscard]] Result<void> update(const Database &db, std::span<const std::int64_t> districts, int fromDay);
//! The state after `day`: the nearest snapshot on or before it plus the changes since.
[[nodiscard]] Result<ControlVector> stateAt(const Database &db, int day);
//! The highest district number: the length of a ControlVector.
[[nodiscard]] Result<std::size_t> districtSlots(const Database &db);
//! Table `controls`, indexed by number (entry 0, "unknown", is empty).
[[nodiscard]] Result<std::vector<Control>> controls(const Database &db);
} // namespace controlindex

} // namespace frontline
