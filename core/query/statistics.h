// SPDX-License-Identifier: MIT
#pragma once

#include "domain/date.h"
#include "error.h"
#include "storage/database.h"

#include <string>
#include <vector>

namespace frontline {

//! How much one holder ("contested" for contested districts) had on one day.
struct HolderTotal {
    Date date;
    std::string holder;
    int districts = 0;
    double areaKm2 = 0;
};

//! Districts and area per holder for every day from the first change to the dataset's end, in date
//! order, holders in faction order then "contested". Computed in one pass over the changes.
[[nodiscard]] Result<std::vector<HolderTotal>> dailyTotals(const Database &db);

} // namespace frontline
