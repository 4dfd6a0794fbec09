// SPDX-License-Identifier: MIT
#pragma once

#include "domain/records.h"
#include "error.h"
#include "import/importsummary.h"
#include "storage/database.h"

#include <cstdint>

namespace frontline {

//! A synthetic war for measuring Frontline at scale (see docs/performance.md).
struct GeneratorOptions {
    int districts = 10'000;
    int days = 1'000;
    std::int64_t changes = 200'000; //!< including the first day's, which gives every district a holder
    int factions = 3;
    std::uint64_t seed = 1;
    Date start{2014, 1, 1};
    BoundingBox region{{35.8, 32.4}, {42.3, 37.3}};
};

//! Fills an empty database: districts are Voronoi cells of random points over the region, each faction
//! starts with the cells nearest its capital, and changes cluster along moving fronts (a district mostly
//! changes hands next to one that just did), some contested first, each with supporting evidence and some
//! disputed. The same options give the same database. One transaction, as an import.
[[nodiscard]] Result<ImportSummary> generateDataset(const Database &db, const GeneratorOptions &options);

} // namespace frontline
