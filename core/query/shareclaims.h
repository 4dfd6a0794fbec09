// SPDX-License-Identifier: MIT
#pragma once

#include "domain/date.h"
#include "error.h"
#include "storage/database.h"

#include <string>
#include <vector>

namespace frontline {

//! A reported share ("SOHR: the government holds about 75% of the east") beside what the dataset shows.
struct ShareClaim {
    std::string id;
    Date date;
    std::string areaId, areaName;
    std::string faction, factionName;
    double claimed = 0; //!< percent, as reported
    std::string claimant;
    std::string publisher; //!< of the excerpt that reports it; empty without one
    std::string excerpt;
    double measured = 0; //!< percent of the area's km² the faction holds that day in the dataset; contested counts half
};

//! Every share claim in date order, each measured against the dataset's own control on its day.
[[nodiscard]] Result<std::vector<ShareClaim>> shareClaims(const Database &db);

} // namespace frontline
