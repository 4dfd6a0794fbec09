// SPDX-License-Identifier: MIT
#include "import/vectorimport.h"

#include "gdal/ogr.h"
#include "geometry/geos.h"
#include "geometry/voronoi.h"
#include "import/districtwriter.h"
#include "import/importsupport.h"
#include "import/vectorlayer.h"

#include <cmath>
#include <format>
#include <map>

namespace frontline {

namespace {
using namespace importing;

//! Unique district keys: an id seen before gets a letter suffix (29, 29b, 29c), reported once per id.
class KeyMaker {
public:
    std::string key(const std::string &id, long feature)
    {
        auto &seen = m_features[id];
        seen.push_back(feature);
        return seen.size() == 1 ? id : id + char('a' + seen.size() - 1);
    }
    void report(ImportSummary &summary, const std::string &file) const
    {
        for (const auto &[id, features] : m_features) {
            if (features.size() < 2)
                continue;
            std::string list, keys;
            for (std::size_t i = 0; i < features.size(); ++i) {
                list += std::format("{}{}", i ? ", " : "", features[i]);
                keys += std::format("{}{}", i ? ", " : "", i ? id + char('a' + i) : id);
            }
            summary.remarks.push_back(std::format("{}: id \"{}\" is used by features {}: stored as {}", file, id, list, keys));
        }
    }

private:
    std::map<std::string, std::vector<long>> m_features;
};

struct FieldNames {
    std::string id, name, arabic;
    std::vector<std::string> alt;
};

FieldNames resolveFields(const VectorLayer &layer, const DistrictFields &fields)
{
    FieldNames out{layer.field(fields.id, {"id", "Id", "ID", "fid", "FID"}, "id"),
        layer.field(fields.name, {"name", "NAME", "Name"}, "name"),
        layer.field(fields.arabicName, {"name_ar", "NAME_A", "name_arabic", "NAME_AR"}, "Arabic name"), {}};
    for (const auto &alt : fields.altNames)
        out.alt.push_back(layer.field(alt, {}, "alternative name"));
    return out;
}

DistrictRecord recordOf(OGRFeatureH feature, const FieldNames &fields, KeyMaker &keys, long index, const std::string &where)
{
    const std::string id = fields.id.empty() ? std::to_string(index) : attribute(feature, fields.id);
    if (id.empty())
        throw ImportError(std::format("{}: empty id in field \"{}\"", where, fields.id));
    DistrictRecord d{
        keys.key(id, index), attribute(feature, fields.name), attribute(feature, fields.arabic), {}, {}, std::nullopt};
    if (d.name.empty())
        d.name = d.id;
    for (const auto &alt : fields.alt)
        for (auto &name : splitList(attribute(feature, alt), ';'))
            d.altNames.push_back(std::move(name));
    return d;
}

} // namespace

Result<ImportSummary> importDistrictFile(const Database &db, const std::filesystem::path &file, const DistrictFields &fields)
{
    return inTransaction(db, [&](ImportSummary &summary) {
        VectorLayer layer(file);
        const FieldNames names = resolveFields(layer, fields);
        if (names.name.empty())
            summary.remarks.push_back(layer.file() + ": no name field; districts are named by their ids");
        DistrictWriter writer(db);
        KeyMaker keys;
        geos::Context ctx;
        long index = 0;
        while (ogr::Feature f{OGR_L_GetNextFeature(layer.layer())}) {
            const std::string where = featureWhere(layer.file(), ++index);
            DistrictRecord d = recordOf(f.get(), names, keys, index, where);
            d.geometry = geos::toWkb(
                ctx, polygonal(ctx, layer.geometry(ctx, f.get(), where), where + " (id " + d.id + ")", summary).get());
            ++(writer.write(d) ? summary.added : summary.changed)["districts"];
        }
        if (index == 0)
            throw ImportError(layer.file() + ": has no features");
        keys.report(summary, layer.file());
        summary.added["shared borders"] = writer.rebuildAdjacency();
    });
}

Result<ImportSummary> importGazetteer(const Database &db, const std::filesystem::path &points, const DistrictFields &fields,
    const std::optional<std::filesystem::path> &clip)
{
    return inTransaction(db, [&](ImportSummary &summary) {
        // For CSV files, GDAL makes points of these columns.
        const std::string lon = fields.lon.empty() ? "lon,lng,long,longitude,x,LON,Longitude" : fields.lon;
        const std::string lat = fields.lat.empty() ? "lat,latitude,y,LAT,Latitude" : fields.lat;
        VectorLayer layer(points, {"X_POSSIBLE_NAMES=" + lon, "Y_POSSIBLE_NAMES=" + lat});
        if (!fields.lat.empty() || !fields.lon.empty()) {
            (void)layer.field(fields.lat, {}, "latitude");
            (void)layer.field(fields.lon, {}, "longitude");
        }
        const FieldNames names = resolveFields(layer, fields);
        KeyMaker keys;
        geos::Context ctx;
        std::vector<DistrictRecord> records;
        std::vector<LonLat> at;
        long index = 0;
        while (ogr::Feature f{OGR_L_GetNextFeature(layer.layer())}) {
            const std::string where = featureWhere(layer.file(), ++index);
            DistrictRecord d = recordOf(f.get(), names, keys, index, where);
            geos::Geometry g = layer.geometryOrNull(ctx, f.get(), where);
            if (!g)
                throw ImportError(where
                    + (points.extension() == ".csv" ? ": no coordinates (name the columns with --lat-field and --lon-field)"
                                                    : ": has no geometry"));
            if (GEOSGeomTypeId_r(ctx.handle(), g.get()) != GEOS_POINT)
                throw ImportError(std::format("{}: is a {}, not a point", where, GEOSGeomType_r(ctx.handle(), g.get())));
            LonLat p;
            GEOSGeomGetX_r(ctx.handle(), g.get(), &p.lon);
            GEOSGeomGetY_r(ctx.handle(), g.get(), &p.lat);
            if (std::abs(p.lon) > 180 || std::abs(p.lat) > 90)
                throw ImportError(std::format("{}: ({}, {}) is not a longitude, latitude", where, p.lon, p.lat));
            d.anchor = p;
            at.push_back(p);
            records.push_back(std::move(d));
        }
        std::optional<std::vector<unsigned char>> area;
        if (clip)
            area = unionOfPolygons(*clip, summary);
        auto cells = voronoiCells(at, 400, area ? &*area : nullptr);
        if (!cells)
            throw ImportError(layer.file() + ": " + cells.error().message);
        DistrictWriter writer(db);
        for (std::size_t i = 0; i < records.size(); ++i) {
            records[i].geometry = std::move((*cells)[i]);
            ++(writer.write(records[i]) ? summary.added : summary.changed)["districts"];
        }
        keys.report(summary, layer.file());
        summary.added["shared borders"] = writer.rebuildAdjacency();
    });
}

} // namespace frontline
