// SPDX-License-Identifier: MIT
#pragma once

#include "domain/date.h"
#include "error.h"
#include "storage/database.h"

#include <string>
#include <vector>

namespace frontline {

//! One thing a dataset's own consistency checks found: an error (the record is wrong as it stands) or a
//! warning (worth a look; it may be right).
struct AuditFinding {
    enum class Severity { Error, Warning };
    Severity severity = Severity::Error;
    std::string check; //!< "no evidence", "only disputed", "flip-flop", "late source", "stale enclosed", "share claim"
    Date date;
    std::string districtId; //!< empty for a finding about the whole map (a share claim)
    std::string districtName;
    std::string detail;
};

struct AuditOptions {
    int enclosedDays = 7; //!< a district enclosed by one holder longer than this while shown as another's
    int lateDays = 30; //!< a source published more than this many days after the change it supports
    double claimPoints = 15; //!< a reported share the dataset's own share misses by more than this many points
    int draftDays = 14; //!< a change recorded or corrected more than this many days ago and not yet reviewed
};

//! The dataset's consistency checks, by date: a change without evidence (error); a change whose only
//! evidence disputes it (error); a district changing hands more than once in a day (error); a source
//! published long after the change it supports (warning); a district whose neighbours have all been held
//! by one faction for more than `enclosedDays` while it is shown as someone else's, with no report since
//! (warning); a reported share of an area that the dataset's own share misses by more than `claimPoints`
//! (warning); a change verified by the analyst who recorded or last corrected it (error); a draft older than
//! `draftDays` (warning).
[[nodiscard]] Result<std::vector<AuditFinding>> audit(const Database &db, const AuditOptions &options = {});

} // namespace frontline
