// SPDX-License-Identifier: MIT
#pragma once

#include "error.h"

#include <gdal.h>
#include <ogr_api.h>
#include <ogr_srs_api.h>

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

namespace frontline::ogr {

//! Registers GDAL's drivers once and keeps GDAL's own messages off stderr (they reach the user through
//! our errors instead).
void initialize();

struct DatasetCloser {
    void operator()(GDALDatasetH d) const
    {
        if (d)
            GDALClose(d);
    }
};
using Dataset = std::unique_ptr<std::remove_pointer_t<GDALDatasetH>, DatasetCloser>;

struct FeatureDeleter {
    void operator()(OGRFeatureH f) const { OGR_F_Destroy(f); }
};
using Feature = std::unique_ptr<std::remove_pointer_t<OGRFeatureH>, FeatureDeleter>;

//! Opens a vector file read-only; the error says if it is missing, unreadable or not a vector format.
[[nodiscard]] Result<Dataset> openVector(const std::filesystem::path &path, const std::vector<std::string> &openOptions = {});
//! Creates a new file with the named driver ("GPKG", "LIBKML", "GeoJSON", "CSV"), replacing an old one.
[[nodiscard]] Result<Dataset> createVector(const std::filesystem::path &path, const char *driver);
//! GDAL's last error message, or `fallback`.
[[nodiscard]] std::string lastError(const std::string &fallback = "unknown GDAL error");

//! WGS84 in longitude, latitude order.
[[nodiscard]] OGRSpatialReferenceH wgs84();

//! Adds string fields to a layer; returns false on failure.
bool addFields(OGRLayerH layer, const std::vector<std::pair<std::string, OGRFieldType>> &fields);

} // namespace frontline::ogr
