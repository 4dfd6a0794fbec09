// SPDX-License-Identifier: MIT
#include "import/vectorlayer.h"

#include "import/importsupport.h"

#include <algorithm>
#include <format>
#include <iterator>

namespace frontline::importing {

VectorLayer::VectorLayer(
    const std::filesystem::path &path, const std::vector<std::string> &openOptions, const std::string &layerName)
    : m_file(path.filename().string())
{
    auto ds = ogr::openVector(path, openOptions);
    if (!ds)
        throw ImportError(ds.error().message);
    m_dataset = std::move(*ds);
    m_layer = layerName.empty() ? GDALDatasetGetLayer(m_dataset.get(), 0)
                                : GDALDatasetGetLayerByName(m_dataset.get(), layerName.c_str());
    if (!m_layer && !layerName.empty()) {
        std::string names;
        for (int i = 0; i < GDALDatasetGetLayerCount(m_dataset.get()); ++i)
            names += std::format("{}{}", i ? ", " : "", OGR_L_GetName(GDALDatasetGetLayer(m_dataset.get(), i)));
        throw ImportError(std::format("{}: no layer \"{}\" (its layers: {})", m_file, layerName, names));
    }
    if (!m_layer)
        throw ImportError(m_file + ": has no layers");
    if (OGRSpatialReferenceH srs = OGR_L_GetSpatialRef(m_layer)) {
        OGRSpatialReferenceH source = OSRClone(srs);
        OSRSetAxisMappingStrategy(source, OAMS_TRADITIONAL_GIS_ORDER);
        m_transform = OCTNewCoordinateTransformation(source, ogr::wgs84());
        OSRDestroySpatialReference(source);
        if (!m_transform)
            throw ImportError(std::format("{}: cannot reproject its coordinate system to WGS84: {}", m_file, ogr::lastError()));
    }
}

VectorLayer::~VectorLayer()
{
    if (m_transform)
        OCTDestroyCoordinateTransformation(m_transform);
}

void VectorLayer::filter(const std::string &where)
{
    if (OGR_L_SetAttributeFilter(m_layer, where.c_str()) != OGRERR_NONE)
        throw ImportError(std::format("{}: cannot filter by \"{}\": {}", m_file, where, ogr::lastError()));
}

std::string VectorLayer::field(
    const std::string &requested, std::initializer_list<const char *> candidates, const char *what) const
{
    OGRFeatureDefnH defn = OGR_L_GetLayerDefn(m_layer);
    if (!requested.empty()) {
        if (OGR_FD_GetFieldIndex(defn, requested.c_str()) < 0) {
            std::string names;
            for (int i = 0; i < OGR_FD_GetFieldCount(defn); ++i)
                names += std::format("{}{}", i ? ", " : "", OGR_Fld_GetNameRef(OGR_FD_GetFieldDefn(defn, i)));
            throw ImportError(std::format("{}: no {} field \"{}\" (its fields: {})", m_file, what, requested, names));
        }
        return requested;
    }
    for (const char *candidate : candidates)
        for (int i = 0; i < OGR_FD_GetFieldCount(defn); ++i)
            if (std::string_view(OGR_Fld_GetNameRef(OGR_FD_GetFieldDefn(defn, i))) == candidate)
                return candidate;
    return {};
}

geos::Geometry VectorLayer::geometryOrNull(const geos::Context &ctx, OGRFeatureH feature, const std::string &where) const
{
    OGRGeometryH g = OGR_F_GetGeometryRef(feature);
    if (!g || OGR_G_IsEmpty(g))
        return geos::Geometry(nullptr, geos::GeometryDeleter{ctx.handle()});
    OGRGeometryH copy = OGR_G_Clone(g);
    OGR_G_FlattenTo2D(copy);
    if (m_transform && OGR_G_Transform(copy, m_transform) != OGRERR_NONE) {
        OGR_G_DestroyGeometry(copy);
        throw ImportError(where + ": cannot reproject to WGS84");
    }
    std::vector<unsigned char> wkb(std::size_t(OGR_G_WkbSize(copy)));
    OGR_G_ExportToIsoWkb(copy, wkbNDR, wkb.data());
    OGR_G_DestroyGeometry(copy);
    geos::Geometry out = geos::fromWkb(ctx, wkb);
    if (!out)
        throw ImportError(where + ": unreadable geometry: " + ctx.lastError());
    return out;
}

geos::Geometry VectorLayer::geometry(const geos::Context &ctx, OGRFeatureH feature, const std::string &where) const
{
    geos::Geometry g = geometryOrNull(ctx, feature, where);
    if (!g)
        throw ImportError(where + ": has no geometry");
    return g;
}

std::string attribute(OGRFeatureH f, const std::string &field)
{
    if (field.empty())
        return {};
    const int index = OGR_F_GetFieldIndex(f, field.c_str());
    return index >= 0 && OGR_F_IsFieldSetAndNotNull(f, index) ? trim(OGR_F_GetFieldAsString(f, index)) : std::string();
}

std::string featureWhere(const std::string &file, long index)
{
    return std::format("{}: feature {}", file, index);
}

namespace {
//! The polygons among `parts` (cloned) as one MultiPolygon; null if there are none.
geos::Geometry multiPolygonOf(const geos::Context &ctx, const GEOSGeometry *collection)
{
    auto *h = ctx.handle();
    std::vector<GEOSGeometry *> parts;
    for (int i = 0; i < GEOSGetNumGeometries_r(h, collection); ++i) {
        const GEOSGeometry *part = GEOSGetGeometryN_r(h, collection, i);
        const int type = GEOSGeomTypeId_r(h, part);
        if (type == GEOS_POLYGON)
            parts.push_back(GEOSGeom_clone_r(h, part));
        else if (type == GEOS_MULTIPOLYGON)
            for (int j = 0; j < GEOSGetNumGeometries_r(h, part); ++j)
                parts.push_back(GEOSGeom_clone_r(h, GEOSGetGeometryN_r(h, part, j)));
    }
    if (parts.empty())
        return geos::Geometry(nullptr, geos::GeometryDeleter{h});
    return geos::own(ctx, GEOSGeom_createCollection_r(h, GEOS_MULTIPOLYGON, parts.data(), unsigned(parts.size())));
}
} // namespace

geos::Geometry polygonal(const geos::Context &ctx, geos::Geometry g, const std::string &where, ImportSummary &summary)
{
    auto *h = ctx.handle();
    const int type = GEOSGeomTypeId_r(h, g.get());
    if (type != GEOS_POLYGON && type != GEOS_MULTIPOLYGON)
        throw ImportError(std::format("{}: is a {}, not a polygon", where, GEOSGeomType_r(h, g.get())));
    if (GEOSisValid_r(h, g.get()) == 1)
        return g;
    char *reason = GEOSisValidReason_r(h, g.get());
    summary.remarks.push_back(std::format("{}: repaired an invalid polygon ({})", where, reason));
    GEOSFree_r(h, reason);
    ++summary.repaired["invalid polygons"];
    geos::Geometry valid = geos::own(ctx, GEOSMakeValid_r(h, g.get()));
    if (valid && GEOSGeomTypeId_r(h, valid.get()) == GEOS_GEOMETRYCOLLECTION) // keep the polygons, drop stray lines
        valid = multiPolygonOf(ctx, valid.get());
    if (!valid || GEOSisEmpty_r(h, valid.get()))
        throw ImportError(where + ": invalid polygon that cannot be repaired");
    return valid;
}

std::vector<unsigned char> unionOfPolygons(const std::filesystem::path &path, ImportSummary &summary)
{
    VectorLayer layer(path);
    geos::Context ctx;
    std::vector<GEOSGeometry *> parts;
    long index = 0;
    while (ogr::Feature f = layer.next()) {
        const std::string where = featureWhere(layer.file(), ++index);
        parts.push_back(polygonal(ctx, layer.geometry(ctx, f.get(), where), where, summary).release());
    }
    if (parts.empty())
        throw ImportError(layer.file() + ": has no polygons");
    geos::Geometry all =
        geos::own(ctx, GEOSGeom_createCollection_r(ctx.handle(), GEOS_GEOMETRYCOLLECTION, parts.data(), unsigned(parts.size())));
    geos::Geometry merged = geos::own(ctx, GEOSUnaryUnion_r(ctx.handle(), all.get()));
    return geos::toWkb(ctx, merged.get());
}
std::vector<geos::Geometry> polygonsIn(
    const geos::Context &ctx, geos::Geometry g, const std::string &where, ImportSummary &summary)
{
    auto *h = ctx.handle();
    std::vector<geos::Geometry> out;
    const int type = GEOSGeomTypeId_r(h, g.get());
    if (type == GEOS_POLYGON) {
        out.push_back(polygonal(ctx, std::move(g), where, summary));
    } else if (type == GEOS_MULTIPOLYGON || type == GEOS_GEOMETRYCOLLECTION) {
        for (int i = 0; i < GEOSGetNumGeometries_r(h, g.get()); ++i) {
            auto parts = polygonsIn(ctx, geos::own(ctx, GEOSGeom_clone_r(h, GEOSGetGeometryN_r(h, g.get(), i))),
                std::format("{} (part {})", where, i + 1), summary);
            std::ranges::move(parts, std::back_inserter(out));
        }
    }
    return out;
}

} // namespace frontline::importing
