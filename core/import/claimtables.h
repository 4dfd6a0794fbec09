// SPDX-License-Identifier: MIT
// The dataset's aggregate claims (internal to import/): areas as sets of districts, and shares claimed of them.
#pragma once

#include "import/csvtable.h"
#include "import/importsummary.h"
#include "storage/database.h"

namespace frontline::importing {

//! claim_areas.csv: id, name, districts (district ids, ';'-separated).
void importClaimAreas(const Database &db, CsvTable &t, ImportSummary &summary);
//! share_claims.csv: id, date, area_id, faction, percent, claimant, excerpt_id (may be empty).
void importShareClaims(const Database &db, CsvTable &t, ImportSummary &summary);

} // namespace frontline::importing
