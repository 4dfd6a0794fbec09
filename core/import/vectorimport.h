// SPDX-License-Identifier: MIT
#pragma once

#include "domain/date.h"
#include "error.h"
#include "import/importsummary.h"
#include "storage/database.h"

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace frontline {

//! Which attributes of a vector file hold a district's id and names. Empty means: detect (id: `id`, `Id`,
//! `ID`, `fid`; name: `name`, `NAME`, `Name`; Arabic: `name_ar`, `NAME_A`, `name_arabic`); no id field
//! means the feature's position in the file.
struct DistrictFields {
    std::string id;
    std::string name;
    std::string arabicName;
    std::vector<std::string> altNames;
    //! A CSV gazetteer's coordinate columns; empty: `lat`/`latitude`/`y` and `lon`/`lng`/`longitude`/`x`.
    std::string lat, lon;
};

//! Imports district polygons from any vector file GDAL reads (GeoJSON, Shapefile, GeoPackage, KML/KMZ,
//! FlatGeobuf, CSV with WKT...), reprojected to WGS84. Invalid polygons are repaired with GEOS MakeValid
//! and reported. Every feature is one district; where an id repeats, later features get b, c... suffixes
//! (reported). Existing districts with the same id get the new geometry and names; their changes stay.
[[nodiscard]] Result<ImportSummary> importDistrictFile(
    const Database &db, const std::filesystem::path &file, const DistrictFields &fields);

//! Imports a gazetteer of points (any vector file with points, or CSV with lat/lon columns) as districts:
//! the Voronoi cell of each point, clipped to the polygons of `clip` if given.
[[nodiscard]] Result<ImportSummary> importGazetteer(const Database &db, const std::filesystem::path &points,
    const DistrictFields &fields, const std::optional<std::filesystem::path> &clip);

} // namespace frontline
