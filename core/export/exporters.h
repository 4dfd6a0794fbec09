// SPDX-License-Identifier: MIT
#pragma once

#include "domain/date.h"
#include "error.h"
#include "storage/database.h"

#include <filesystem>

namespace frontline {

//! A GeoJSON snapshot of one day: each district with state, holder(s), since, and its number of sources.
[[nodiscard]] Result<int> exportGeoJson(const Database &db, Date date, const std::filesystem::path &file);

//! A GeoPackage with one row per district per control interval (start inclusive, end exclusive) and a
//! default QGIS style that colours by holder and turns on the Temporal Controller. Returns the rows written.
[[nodiscard]] Result<int> exportGeoPackage(const Database &db, const std::filesystem::path &file);

//! KML with a TimeSpan per control interval, so Google Earth's time slider replays it.
[[nodiscard]] Result<int> exportKml(const Database &db, const std::filesystem::path &file);

//! A dataset folder (manifest.ini + CSV, district polygons as WKT) that `import dataset` reads back.
[[nodiscard]] Result<int> exportDataset(const Database &db, const std::filesystem::path &folder);

} // namespace frontline
