// SPDX-License-Identifier: MIT
// The default QGIS style written into exported GeoPackages (internal to export/).
#pragma once

#include <gdal.h>

#include <map>
#include <string>

namespace frontline::exporting {

//! Adds a `layer_styles` table (QGIS's own convention) whose default style colours the layer by holder
//! and turns on the Temporal Controller from the start/end fields, so QGIS replays it without setup.
void writeQgisStyle(
    GDALDatasetH dataset, const std::string &layer, const std::map<std::string, std::pair<std::string, std::string>> &factions);

} // namespace frontline::exporting
