// SPDX-License-Identifier: MIT
#include "vectorimport.h"

#include "changewriter.h"
#include "controlqueries.h"
#include "districtwriter.h"
#include "gdal/ogr.h"
#include "geometry/geos.h"
#include "importsupport.h"
#include "voronoi.h"

#include <cmath>
#include <map>

namespace frontline {

namespace {
using namespace importing;

//! The first layer of a vector file, with the transformation of its coordinates to WGS84.
class Layer {
public:
    Layer(const std::filesystem::path &path, const std::vector<std::string> &openOptions = {}) : m_file(path.filename().string())
    {
        auto ds = ogr::openVector(path, openOptions);
        if (!ds)
            throw ImportError(ds.error().message);
        m_dataset = std::move(*ds);
        m_layer = GDALDatasetGetLayer(m_dataset.get(), 0);
        if (OGRSpatialReferenceH srs = OGR_L_GetSpatialRef(m_layer)) {
            OGRSpatialReferenceH source = OSRClone(srs);
            OSRSetAxisMappingStrategy(source, OAMS_TRADITIONAL_GIS_ORDER);
            m_transform = OCTNewCoordinateTransformation(source, ogr::wgs84());
            OSRDestroySpatialReference(source);
            if (!m_transform)
                throw ImportError(
                    std::format("{}: cannot reproject its coordinate system to WGS84: {}", m_file, ogr::lastError()));
        }
    }
    ~Layer()
    {
        if (m_transform)
            OCTDestroyCoordinateTransformation(m_transform);
    }
    Layer(const Layer &) = delete;
    Layer &operator=(const Layer &) = delete;

    [[nodiscard]] OGRLayerH layer() const { return m_layer; }
    [[nodiscard]] const std::string &file() const { return m_file; }

    //! The attribute to read: `requested` if given (an error if missing), else the first of `candidates`.
    [[nodiscard]] std::string field(
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

    //! The feature's geometry in WGS84; an error naming the feature if it has none.
    [[nodiscard]] geos::Geometry geometry(const geos::Context &ctx, OGRFeatureH feature, const std::string &where) const
    {
        OGRGeometryH g = OGR_F_GetGeometryRef(feature);
        if (!g || OGR_G_IsEmpty(g))
            throw ImportError(where + ": has no geometry");
        OGRGeometryH copy = OGR_G_Clone(g);
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

private:
    std::string m_file;
    ogr::Dataset m_dataset;
    OGRLayerH m_layer = nullptr;
    OGRCoordinateTransformationH m_transform = nullptr;
};

std::string text(OGRFeatureH f, const std::string &field)
{
    if (field.empty())
        return {};
    const int index = OGR_F_GetFieldIndex(f, field.c_str());
    return index >= 0 && OGR_F_IsFieldSetAndNotNull(f, index) ? trim(OGR_F_GetFieldAsString(f, index)) : std::string();
}

//! The polygonal part of `g`, repaired with MakeValid if invalid (the repair is reported).
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
    ++summary.changed["repaired polygons"];
    geos::Geometry valid = geos::own(ctx, GEOSMakeValid_r(h, g.get()));
    if (GEOSGeomTypeId_r(h, valid.get()) == GEOS_GEOMETRYCOLLECTION) { // keep the polygons, drop stray lines
        std::vector<GEOSGeometry *> parts;
        for (int i = 0; i < GEOSGetNumGeometries_r(h, valid.get()); ++i) {
            const GEOSGeometry *part = GEOSGetGeometryN_r(h, valid.get(), i);
            if (GEOSGeomTypeId_r(h, part) == GEOS_POLYGON)
                parts.push_back(GEOSGeom_clone_r(h, part));
        }
        valid = geos::own(ctx, GEOSGeom_createCollection_r(h, GEOS_MULTIPOLYGON, parts.data(), unsigned(parts.size())));
    }
    if (!valid || GEOSisEmpty_r(h, valid.get()))
        throw ImportError(where + ": invalid polygon that cannot be repaired");
    return valid;
}

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

FieldNames resolveFields(const Layer &layer, const DistrictFields &fields)
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
    const std::string id = fields.id.empty() ? std::to_string(index) : text(feature, fields.id);
    if (id.empty())
        throw ImportError(std::format("{}: empty id in field \"{}\"", where, fields.id));
    DistrictRecord d{keys.key(id, index), text(feature, fields.name), text(feature, fields.arabic), {}, {}, std::nullopt};
    if (d.name.empty())
        d.name = d.id;
    for (const auto &alt : fields.alt)
        for (auto &name : splitList(text(feature, alt), ';'))
            d.altNames.push_back(std::move(name));
    return d;
}

std::string featureWhere(const std::string &file, long index)
{
    return std::format("{}: feature {}", file, index);
}

std::vector<unsigned char> unionOfPolygons(const std::filesystem::path &path, ImportSummary &summary)
{
    Layer layer(path);
    geos::Context ctx;
    std::vector<GEOSGeometry *> parts;
    long index = 0;
    while (ogr::Feature f{OGR_L_GetNextFeature(layer.layer())}) {
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
} // namespace

Result<ImportSummary> importDistrictFile(const Database &db, const std::filesystem::path &file, const DistrictFields &fields)
{
    return inTransaction(db, [&](ImportSummary &summary) {
        Layer layer(file);
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
        Layer layer(points, {"X_POSSIBLE_NAMES=lon,longitude,x,LON,Longitude", "Y_POSSIBLE_NAMES=lat,latitude,y,LAT,Latitude"});
        const FieldNames names = resolveFields(layer, fields);
        KeyMaker keys;
        geos::Context ctx;
        std::vector<DistrictRecord> records;
        std::vector<LonLat> at;
        long index = 0;
        while (ogr::Feature f{OGR_L_GetNextFeature(layer.layer())}) {
            const std::string where = featureWhere(layer.file(), ++index);
            DistrictRecord d = recordOf(f.get(), names, keys, index, where);
            geos::Geometry g = layer.geometry(ctx, f.get(), where);
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

Result<ImportSummary> importAreas(
    const Database &db, const std::filesystem::path &file, const std::string &faction, Date date, AreaThresholds thresholds)
{
    return inTransaction(db, [&](ImportSummary &summary) {
        auto known = db.prepare("SELECT 1 FROM factions WHERE id = ?");
        known.bindAll(faction);
        if (!known.step())
            throw ImportError(std::format("unknown faction \"{}\"", faction));
        geos::Context ctx;
        auto *h = ctx.handle();
        const auto areaWkb = unionOfPolygons(file, summary);
        geos::Geometry area = geos::fromWkb(ctx, areaWkb);
        const GEOSPreparedGeometry *prepared = GEOSPrepare_r(h, area.get());

        auto states = ControlQueries(db).stateAt(date);
        if (!states)
            throw ImportError(states.error().message);
        std::map<std::string, std::vector<std::string>> holders;
        for (const auto &s : *states)
            if (s.change)
                holders[s.districtId] = s.change->factions;

        const std::string name = file.filename().string();
        const std::string tag = std::format("area:{}:{}:{}", faction, date.toString(), name);
        db.prepare("INSERT INTO sources (id, publisher, title, published) VALUES (?, ?, ?, ?)")
            .bindAll(tag, "Area-of-control snapshot", std::format("{} area of {} in {}", date.toString(), faction, name),
                date.toString())
            .run();
        ChangeWriter changes(db);
        auto excerpt = db.prepare("INSERT INTO excerpts (id, source_id, kind, text) VALUES (?, ?, 'note', ?)");
        auto districts = db.prepare("SELECT id, geometry, num FROM districts ORDER BY id");
        while (districts.step()) {
            const std::string id = districts.text(0);
            geos::Geometry d = geos::fromWkb(ctx, districts.blob(1));
            if (!GEOSPreparedIntersects_r(h, prepared, d.get()) && !holders[id].empty() && holders[id] != std::vector{faction})
                continue;
            geos::Geometry inside = geos::own(ctx, GEOSIntersection_r(h, d.get(), area.get()));
            double whole = 0, covered = 0;
            GEOSArea_r(h, d.get(), &whole);
            GEOSArea_r(h, inside.get(), &covered);
            const double share = whole > 0 ? covered / whole : 0;
            const auto &current = holders[id];
            std::vector<std::string> next;
            if (share >= thresholds.held) {
                next = {faction};
            } else if (share >= thresholds.contested) {
                next = {faction};
                for (const auto &f : current)
                    if (f != faction)
                        next.push_back(f);
                if (next.size() < 2) {
                    summary.remarks.push_back(
                        std::format("district {}: {:.0f}% inside, but no other holder is known; unchanged", id, share * 100));
                    continue;
                }
            } else {
                if (current == std::vector{faction})
                    summary.remarks.push_back(
                        std::format("district {}: held by {} but outside its area ({:.0f}% inside); the snapshot does not say "
                                    "who holds it now, so it is unchanged",
                            id, faction, share * 100));
                continue;
            }
            if (next == current)
                continue;
            const std::string changeId = tag + ":" + id;
            const auto state = next.size() == 1 ? ControlState::Held : ControlState::Contested;
            const auto change =
                changes.write(changeId, date, districts.integer(2), changes.control(state, Confidence::Medium, next),
                    std::format("{:.0f}% of the district inside the {} area", share * 100, faction));
            excerpt
                .bindAll(changeId, tag,
                    std::format("{:.0f}% of this district lies inside the area of {} on {} in {}.", share * 100, faction,
                        date.toString(), name))
                .run();
            changes.addEvidence(change, changeId, Stance::Supports);
            ++summary.added["changes"];
        }
        GEOSPreparedGeom_destroy_r(h, prepared);
        changes.flush();
    });
}

} // namespace frontline
