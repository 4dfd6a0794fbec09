// SPDX-License-Identifier: MIT
#pragma once

#include "domain/date.h"
#include "geometry/geos.h"
#include "import/areaimport.h"

#include <filesystem>
#include <map>
#include <string>
#include <vector>

namespace frontline::importing {

//! One day's area of the faction: the polygons of every file (or feature) dated that day.
struct AreaSnapshot {
    std::vector<std::string> files;
    std::vector<geos::Geometry> parts;
};

//! Reads the archive's files (those named, and every vector file in the folders named but `database`) into
//! snapshots by date, telling `archive.progress`; counts in `summary` what holds no polygons.
[[nodiscard]] std::map<Date, AreaSnapshot> readSnapshots(
    const AreaArchive &archive, const geos::Context &ctx, const std::filesystem::path &database, ImportSummary &summary);

//! A snapshot's polygons as one geometry; `what` names the snapshot in an error.
[[nodiscard]] geos::Geometry unionOf(const geos::Context &ctx, std::vector<geos::Geometry> parts, const std::string &what);

} // namespace frontline::importing
