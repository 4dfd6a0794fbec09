// SPDX-License-Identifier: MIT
// A vector file's layer as the importers read it (internal to import/).
#pragma once

#include "gdal/ogr.h"
#include "geometry/geos.h"
#include "import/importsummary.h"

#include <filesystem>
#include <initializer_list>
#include <string>
#include <vector>

namespace frontline::importing {

//! One layer of a vector file (the first, or the one named), with the transformation of its coordinates to
//! WGS84. Throws ImportError naming the file.
class VectorLayer {
public:
    explicit VectorLayer(
        const std::filesystem::path &path, const std::vector<std::string> &openOptions = {}, const std::string &layerName = {});
    ~VectorLayer();
    VectorLayer(const VectorLayer &) = delete;
    VectorLayer &operator=(const VectorLayer &) = delete;

    [[nodiscard]] OGRLayerH layer() const { return m_layer; }
    [[nodiscard]] const std::string &file() const { return m_file; }
    [[nodiscard]] ogr::Feature next() const { return ogr::Feature{OGR_L_GetNextFeature(m_layer)}; }

    //! Keeps only the features that match an OGR SQL attribute filter ("name LIKE '%Occupied%'").
    void filter(const std::string &where);
    //! The attribute to read: `requested` if given (an error if missing), else the first of `candidates`.
    [[nodiscard]] std::string field(
        const std::string &requested, std::initializer_list<const char *> candidates, const char *what) const;
    //! The feature's geometry in WGS84, in two dimensions; null if it has none.
    [[nodiscard]] geos::Geometry geometryOrNull(const geos::Context &ctx, OGRFeatureH feature, const std::string &where) const;
    //! The same; an error naming the feature if it has none.
    [[nodiscard]] geos::Geometry geometry(const geos::Context &ctx, OGRFeatureH feature, const std::string &where) const;

private:
    std::string m_file;
    ogr::Dataset m_dataset;
    OGRLayerH m_layer = nullptr;
    OGRCoordinateTransformationH m_transform = nullptr;
};

//! The trimmed text of a feature's attribute ("" if unset or `field` is empty).
[[nodiscard]] std::string attribute(OGRFeatureH f, const std::string &field);
//! "FILE: feature N".
[[nodiscard]] std::string featureWhere(const std::string &file, long index);
//! The polygonal part of `g`, repaired with MakeValid if invalid (the repair is reported); an error if it
//! is not a (Multi)Polygon.
[[nodiscard]] geos::Geometry polygonal(
    const geos::Context &ctx, geos::Geometry g, const std::string &where, ImportSummary &summary);
//! The union of every polygon in a vector file (WKB), e.g. an area to clip districts to; an error if it has none.
[[nodiscard]] std::vector<unsigned char> unionOfPolygons(const std::filesystem::path &path, ImportSummary &summary);
//! The polygons of `g`, each valid (repaired and reported if not): the parts of a MultiPolygon, those inside
//! a GeometryCollection too; none for points and lines. Parts may overlap: union them for an area.
[[nodiscard]] std::vector<geos::Geometry> polygonsIn(
    const geos::Context &ctx, geos::Geometry g, const std::string &where, ImportSummary &summary);

} // namespace frontline::importing
