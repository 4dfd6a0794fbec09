// SPDX-License-Identifier: MIT
#pragma once

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

//! Dated tables of places and who holds them (Wikipedia's monthly "cities and towns" tables, VIINA-style
//! panels): CSV files with a name, coordinates and a holder per row.
struct PlaceTables {
    std::vector<std::filesystem::path> files;
    std::string dateFromName; //!< each file is one day's table: a strptime pattern of its name (`%Y-%m-%d`); or
    std::string dateField; //!< a long panel: each row's date in this column (`place,date,status`); or
    bool wide = false; //!< a wide panel: each column headed by a date (ISO, or matching dateFromName) holds that day's holders
    std::string nameField, latField, lonField, holderField; //!< empty: the usual names, in any case
    std::string sourceField; //!< the row's cited link; empty: `sourceLink`, `source_url`, `url` if present
    std::filesystem::path holderMap; //!< CSV `value,state,factions`; state `held`, `contested` or `unknown` (skip)
    std::string source = "Status table"; //!< the publisher of the tables
    std::optional<std::filesystem::path> clip; //!< polygons to clip the places' Voronoi cells to
    bool within = false; //!< places fall into the existing districts that contain them, instead of cells
    std::function<void(std::string_view, std::size_t, std::size_t)> progress; //!< phase, done, total
};

//! Imports the tables: places become districts (the Voronoi cells of all places seen, keyed by their
//! coordinates: places sharing them are one district with both names; or, `within`, the district that
//! contains each), and a change is recorded wherever a district's holder differs from its previous table
//! (or from what the database held before). Each change cites the table's row and the row's own link.
//! Rows without coordinates are skipped and reported; a holder value the map lacks is an error naming
//! file:line. Districts whose places disagree on a day are contested, with low confidence. One transaction.
[[nodiscard]] Result<ImportSummary> importPlaces(const Database &db, const PlaceTables &options);

} // namespace frontline
