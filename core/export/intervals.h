// SPDX-License-Identifier: MIT
// Control intervals, shared by the exporters (internal to export/).
#pragma once

#include "domain/records.h"
#include "storage/database.h"

#include <string>
#include <vector>

namespace frontline::exporting {

//! One district under one unchanged control, from `start` until the day before `end`.
struct Interval {
    std::string districtId;
    ControlState state = ControlState::Held;
    std::vector<std::string> factions;
    Confidence confidence = Confidence::Medium;
    Date start;
    Date end;
    int sources = 0; //!< evidence links of the changes in the interval
    bool inferred = false; //!< every change in it is inferred, none reported
    std::string basis; //!< what the first inferred change is inferred from: "publisher (date): excerpt"
};

//! Every district's intervals, in district and date order; the last ends the day after the dataset's end.
[[nodiscard]] std::vector<Interval> intervals(const Database &db);

} // namespace frontline::exporting
