// SPDX-License-Identifier: MIT
// A changes table (internal to import/): the dataset's changes.csv, or a spreadsheet's "date, district, holders".
#pragma once

#include "import/changecolumns.h"
#include "import/csvtable.h"
#include "import/importsummary.h"
#include "storage/database.h"

namespace frontline::importing {

//! Adds a change per row, its district named by id or any of its names and its control by state, factions and
//! confidence (`named` maps the dataset's column names to the file's). A large file loads with the indexes off.
void importChanges(const Database &db, CsvTable &t, const ColumnNames &named, ImportSummary &summary);

} // namespace frontline::importing
