// SPDX-License-Identifier: MIT
#include "export/exporters.h"

#include "export/intervals.h"
#include "export/qgisstyle.h"
#include "gdal/ogr.h"
#include "geometry/geos.h"

#include <cpl_string.h>

#include <format>
#include <fstream>
#include <map>

namespace frontline {

namespace {
using exporting::Interval;

struct DistrictInfo {
    std::string name, nameArabic;
    std::vector<unsigned char> wkb;
};

std::map<std::string, DistrictInfo> districtInfo(const Database &db)
{
    std::map<std::string, DistrictInfo> out;
    auto s = db.prepare("SELECT id, name, name_ar, geometry FROM districts");
    while (s.step())
        out[s.text(0)] = {s.text(1), s.text(2), s.blob(3)};
    return out;
}

using FactionNames = std::map<std::string, std::pair<std::string, std::string>>; //!< id: name, colour

FactionNames factionInfo(const Database &db)
{
    FactionNames out;
    auto s = db.prepare("SELECT id, name, colour FROM factions");
    while (s.step())
        out[s.text(0)] = {s.text(1), s.text(2)};
    return out;
}

std::string joined(const std::vector<std::string> &items, std::string_view separator)
{
    std::string out;
    for (const auto &item : items)
        out += (out.empty() ? "" : std::string(separator)) + item;
    return out;
}

//! A layer being written, with typed fields set by name.
class LayerWriter {
public:
    LayerWriter(GDALDatasetH ds, const char *name, OGRwkbGeometryType type,
        const std::vector<std::pair<std::string, OGRFieldType>> &fields, const std::vector<std::string> &options = {})
    {
        std::vector<const char *> raw;
        raw.reserve(options.size() + 1);
        for (const auto &o : options)
            raw.push_back(o.c_str());
        raw.push_back(nullptr);
        m_layer =
            GDALDatasetCreateLayer(ds, name, type == wkbNone ? nullptr : ogr::wgs84(), type, const_cast<char **>(raw.data()));
        if (!m_layer || !ogr::addFields(m_layer, fields))
            throw std::runtime_error(std::format("cannot create layer {}: {}", name, ogr::lastError()));
    }

    OGRFeatureH begin()
    {
        m_feature.reset(OGR_F_Create(OGR_L_GetLayerDefn(m_layer)));
        return m_feature.get();
    }
    void set(const char *field, const std::string &value)
    {
        OGR_F_SetFieldString(m_feature.get(), OGR_F_GetFieldIndex(m_feature.get(), field), value.c_str());
    }
    void set(const char *field, int value)
    {
        OGR_F_SetFieldInteger(m_feature.get(), OGR_F_GetFieldIndex(m_feature.get(), field), value);
    }
    void setDate(const char *field, Date date)
    {
        const std::chrono::year_month_day ymd(date.days());
        OGR_F_SetFieldDateTime(m_feature.get(), OGR_F_GetFieldIndex(m_feature.get(), field), int(ymd.year()),
            int(unsigned(ymd.month())), int(unsigned(ymd.day())), 0, 0, 0, 0);
    }
    void setGeometry(const std::vector<unsigned char> &wkb)
    {
        OGRGeometryH g = nullptr;
        if (OGR_G_CreateFromWkb(wkb.data(), ogr::wgs84(), &g, int(wkb.size())) == OGRERR_NONE) {
            if (wkbFlatten(OGR_G_GetGeometryType(g)) == wkbPolygon)
                g = OGR_G_ForceToMultiPolygon(g);
            OGR_F_SetGeometryDirectly(m_feature.get(), g);
        }
    }
    void setStyle(const std::string &style) { OGR_F_SetStyleString(m_feature.get(), style.c_str()); }
    void commit()
    {
        if (OGR_L_CreateFeature(m_layer, m_feature.get()) != OGRERR_NONE)
            throw std::runtime_error("cannot write a feature: " + ogr::lastError());
        ++m_count;
    }
    [[nodiscard]] int count() const { return m_count; }

private:
    OGRLayerH m_layer = nullptr;
    ogr::Feature m_feature;
    int m_count = 0;
};

const std::vector<std::pair<std::string, OGRFieldType>> kIntervalFields{{"district_id", OFTString}, {"name", OFTString},
    {"name_ar", OFTString}, {"state", OFTString}, {"holders", OFTString}, {"holder_names", OFTString}, {"confidence", OFTString},
    {"start", OFTDate}, {"end", OFTDate}, {"sources", OFTInteger}, {"inferred", OFTInteger}, {"basis", OFTString}};

//! The holders' names, " / "-separated; an id the table lacks as it is.
std::string holderNames(const Interval &i, const FactionNames &factions)
{
    std::string names;
    for (const auto &f : i.factions)
        names += (names.empty() ? "" : " / ") + (factions.contains(f) ? factions.at(f).first : f);
    return names;
}

void fillInterval(LayerWriter &w, const Interval &i, const DistrictInfo &d, const FactionNames &factions)
{
    w.set("district_id", i.districtId);
    w.set("name", d.name);
    w.set("name_ar", d.nameArabic);
    w.set("state", std::string(toString(i.state)));
    w.set("holders", joined(i.factions, ";"));
    w.set("holder_names", holderNames(i, factions));
    w.set("confidence", std::string(toString(i.confidence)));
    w.set("sources", i.sources);
    w.set("inferred", i.inferred ? 1 : 0);
    w.set("basis", i.basis);
    w.setGeometry(d.wkb);
}

template <typename F>
Result<int> guardedExport(F &&body) // also GDAL's errors, thrown as runtime_error
{
    try {
        return body();
    } catch (const SqlError &e) {
        return fail(std::string("database error: ") + e.what());
    } catch (const std::runtime_error &e) {
        return fail(e.what());
    }
}
} // namespace

Result<int> exportGeoJson(const Database &db, Date date, const std::filesystem::path &file)
{
    return guardedExport([&]() -> Result<int> {
        auto ds = ogr::createVector(file, "GeoJSON");
        if (!ds)
            return std::unexpected(ds.error());
        const auto districts = districtInfo(db);
        const auto factions = factionInfo(db);
        LayerWriter w(ds->get(), "districts", wkbMultiPolygon,
            {{"district_id", OFTString}, {"name", OFTString}, {"name_ar", OFTString}, {"state", OFTString},
                {"holders", OFTString}, {"holder_names", OFTString}, {"confidence", OFTString}, {"since", OFTDate},
                {"sources", OFTInteger}, {"inferred", OFTInteger}, {"basis", OFTString}},
            {"RFC7946=YES"});
        std::map<std::string, const Interval *> current;
        const auto all = exporting::intervals(db);
        for (const auto &i : all)
            if (i.start <= date && date < i.end)
                current[i.districtId] = &i;
        for (const auto &[id, d] : districts) {
            w.begin();
            w.set("district_id", id);
            w.set("name", d.name);
            w.set("name_ar", d.nameArabic);
            w.setGeometry(d.wkb);
            if (auto it = current.find(id); it != current.end()) {
                fillInterval(w, *it->second, d, factions);
                w.setDate("since", it->second->start);
            } else {
                w.set("state", std::string("unknown"));
            }
            w.commit();
        }
        return w.count();
    });
}

namespace {
Result<int> exportIntervals(const Database &db, const std::filesystem::path &file, const char *driver)
{
    return guardedExport([&]() -> Result<int> {
        auto ds = ogr::createVector(file, driver);
        if (!ds)
            return std::unexpected(ds.error());
        const auto districts = districtInfo(db);
        const auto factions = factionInfo(db);
        const bool kml = std::string_view(driver) == "LIBKML";
        auto fields = kIntervalFields;
        if (kml) { // LIBKML writes fields named begin/end as TimeSpan, and name/description as such
            fields = {{"name", OFTString}, {"description", OFTString}, {"begin", OFTString}, {"end", OFTString},
                {"district_id", OFTString}, {"state", OFTString}, {"holders", OFTString}, {"confidence", OFTString},
                {"inferred", OFTInteger}, {"basis", OFTString}};
        }
        LayerWriter w(ds->get(), "control", wkbMultiPolygon, fields);
        for (const auto &i : exporting::intervals(db)) {
            const DistrictInfo &d = districts.at(i.districtId);
            w.begin();
            if (kml) {
                w.set("name", d.name);
                w.set("description",
                    std::format("{}: {} ({} confidence), {} to {}{}", toString(i.state), holderNames(i, factions),
                        toString(i.confidence), i.start.toString(), i.end.addDays(-1).toString(),
                        i.inferred ? "; inferred from " + i.basis : std::string()));
                w.set("begin", i.start.toString());
                w.set("end", i.end.toString());
                w.set("district_id", i.districtId);
                w.set("state", std::string(toString(i.state)));
                w.set("holders", joined(i.factions, ";"));
                w.set("confidence", std::string(toString(i.confidence)));
                w.set("inferred", i.inferred ? 1 : 0);
                w.set("basis", i.basis);
                w.setGeometry(d.wkb);
                const std::string first = factions.contains(i.factions[0]) ? factions.at(i.factions[0]).second : "#BDBDBD";
                const std::string second =
                    i.factions.size() > 1 && factions.contains(i.factions[1]) ? factions.at(i.factions[1]).second : "#FFFFFF";
                w.setStyle(i.state == ControlState::Held ? std::format("BRUSH(fc:{}B4);PEN(c:#FFFFFF,w:1px)", first)
                                                         : std::format("BRUSH(fc:{}5A);PEN(c:{},w:3px)", first, second));
            } else {
                fillInterval(w, i, d, factions);
                w.setDate("start", i.start);
                w.setDate("end", i.end);
            }
            w.commit();
        }
        if (!kml)
            exporting::writeQgisStyle(ds->get(), "control", factions);
        return w.count();
    });
}
} // namespace

Result<int> exportGeoPackage(const Database &db, const std::filesystem::path &file)
{
    return exportIntervals(db, file, "GPKG");
}
Result<int> exportKml(const Database &db, const std::filesystem::path &file)
{
    return exportIntervals(db, file, "LIBKML");
}

namespace {
//! Writes the rows of a query, all as text, to a CSV file through GDAL's CSV driver.
int writeCsv(const Database &db, const std::filesystem::path &file, const char *sql, const std::vector<std::string> &columns)
{
    auto ds = ogr::createVector(file, "CSV");
    if (!ds)
        throw std::runtime_error(ds.error().message);
    std::vector<std::pair<std::string, OGRFieldType>> fields;
    fields.reserve(columns.size());
    for (const auto &c : columns)
        fields.emplace_back(c, OFTString);
    LayerWriter w(ds->get(), file.stem().c_str(), wkbNone, fields, {"LINEFORMAT=LF"});
    auto rows = db.prepare(sql);
    while (rows.step()) {
        w.begin();
        for (std::size_t i = 0; i < columns.size(); ++i)
            w.set(columns[i].c_str(), rows.text(int(i)));
        w.commit();
    }
    return w.count();
}

std::string wktOf(const std::vector<unsigned char> &wkb)
{
    geos::Context ctx;
    auto g = geos::fromWkb(ctx, wkb);
    GEOSWKTWriter *writer = GEOSWKTWriter_create_r(ctx.handle());
    GEOSWKTWriter_setTrim_r(ctx.handle(), writer, 1);
    GEOSWKTWriter_setRoundingPrecision_r(ctx.handle(), writer, 9);
    char *text = GEOSWKTWriter_write_r(ctx.handle(), writer, g.get());
    std::string out = text ? text : "";
    GEOSFree_r(ctx.handle(), text);
    GEOSWKTWriter_destroy_r(ctx.handle(), writer);
    return out;
}
} // namespace

Result<int> exportDataset(const Database &db, const std::filesystem::path &folder)
{
    return guardedExport([&]() -> Result<int> {
        std::error_code ec;
        std::filesystem::create_directories(folder, ec);
        if (ec)
            return fail(std::format("{}: cannot create the folder: {}", folder.string(), ec.message()));
        std::ofstream manifest(folder / "manifest.ini");
        manifest << "# Frontline dataset, exported. See docs/data-format.md.\nformat = frontline-dataset-1\n";
        auto meta = db.prepare("SELECT key, value FROM metadata WHERE key NOT IN ('format', 'districts') ORDER BY key");
        while (meta.step())
            manifest << meta.text(0) << " = " << meta.text(1) << '\n';
        manifest << "districts = polygons\n";
        if (!manifest.flush())
            return fail(std::format("{}: cannot write manifest.ini", folder.string()));

        writeCsv(db, folder / "factions.csv", "SELECT id, name, colour FROM factions ORDER BY rowid", {"id", "name", "colour"});
        // Districts: polygons as WKT; every other name they are known by as alt_names.
        {
            auto ds = ogr::createVector(folder / "districts.csv", "CSV");
            if (!ds)
                return std::unexpected(ds.error());
            LayerWriter w(ds->get(), "districts", wkbNone,
                {{"id", OFTString}, {"name", OFTString}, {"name_ar", OFTString}, {"alt_names", OFTString}, {"lat", OFTString},
                    {"lon", OFTString}, {"wkt", OFTString}},
                {"LINEFORMAT=LF"});
            auto rows =
                db.prepare("SELECT d.id, d.name, d.name_ar, (SELECT group_concat(n.name, ';') FROM district_names n "
                           "WHERE n.district_id = d.id AND n.name NOT IN (d.name, d.name_ar)), d.centroid_lat, d.centroid_lon, "
                           "d.geometry FROM districts d ORDER BY d.id");
            while (rows.step()) {
                w.begin();
                w.set("id", rows.text(0));
                w.set("name", rows.text(1));
                w.set("name_ar", rows.text(2));
                w.set("alt_names", rows.text(3));
                w.set("lat", std::format("{:.7f}", rows.real(4)));
                w.set("lon", std::format("{:.7f}", rows.real(5)));
                w.set("wkt", wktOf(rows.blob(6)));
                w.commit();
            }
        }
        writeCsv(db, folder / "sources.csv", "SELECT id, publisher, author, title, url, published FROM sources ORDER BY rowid",
            {"id", "publisher", "author", "title", "url", "date"});
        writeCsv(db, folder / "excerpts.csv", "SELECT id, source_id, kind, text FROM excerpts ORDER BY rowid",
            {"id", "source_id", "kind", "text"});
        const int changes = writeCsv(db, folder / "changes.csv",
            "SELECT id, day, district_id, state, factions, confidence, note FROM change_list ORDER BY num",
            {"id", "date", "district_id", "state", "factions", "confidence", "note"});
        writeCsv(db, folder / "evidence.csv",
            "SELECT change_id, excerpt_id, stance FROM evidence_list ORDER BY change_num, excerpt_id",
            {"change_id", "excerpt_id", "stance"});
        writeCsv(db, folder / "incidents.csv",
            "SELECT id, day, place, place_ar, coalesce(lat, ''), coalesce(lon, ''), location_confidence, description, confidence "
            "FROM incidents ORDER BY day, id",
            {"id", "date", "place", "place_ar", "lat", "lon", "location_confidence", "description", "confidence"});
        writeCsv(db, folder / "incident_evidence.csv",
            "SELECT incident_id, excerpt_id FROM incident_evidence ORDER BY incident_id, excerpt_id",
            {"incident_id", "excerpt_id"});
        writeCsv(db, folder / "claim_areas.csv",
            "SELECT a.id, a.name, (SELECT group_concat(district_id, ';') FROM "
            "(SELECT district_id FROM claim_area_districts WHERE area_id = a.id ORDER BY district_id)) "
            "FROM claim_areas a ORDER BY a.rowid",
            {"id", "name", "districts"});
        writeCsv(db, folder / "share_claims.csv",
            "SELECT id, day, area_id, faction_id, percent, claimant, coalesce(excerpt_id, '') FROM share_claims ORDER BY day, id",
            {"id", "date", "area_id", "faction", "percent", "claimant", "excerpt_id"});
        return changes;
    });
}

} // namespace frontline
