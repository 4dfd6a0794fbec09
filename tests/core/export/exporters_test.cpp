// SPDX-License-Identifier: MIT
#include "core/testdb.h"
#include "export/exporters.h"
#include "import/datasetimporter.h"
#include "query/controlqueries.h"

#include <gdal.h>
#include <geos_c.h>
#include <ogr_api.h>

#include <algorithm>
#include <array>
#include <fstream>
#include <map>
#include <regex>

using namespace frontline;
using frontline::test::TempDir;

namespace {
class ExportersTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        auto db = Database::open(m_dir / "a.db", Database::Mode::Create);
        ASSERT_TRUE(db);
        ASSERT_TRUE(importDataset(*db, test::kBundledDataset));
        m_db.emplace(std::move(*db));
    }
    TempDir m_dir;
    std::optional<Database> m_db;
};

std::string textOf(const std::filesystem::path &p)
{
    std::ifstream in(p);
    return {std::istreambuf_iterator<char>(in), {}};
}

long featureCount(GDALDatasetH ds, const char *layer)
{
    return long(OGR_L_GetFeatureCount(GDALDatasetGetLayerByName(ds, layer), TRUE));
}
} // namespace

TEST_F(ExportersTest, GeoPackageHasOneRowPerControlIntervalAndAQgisTemporalStyle)
{
    auto rows = exportGeoPackage(*m_db, m_dir / "c.gpkg");
    ASSERT_TRUE(rows) << rows.error().message;
    GDALDatasetH ds = GDALOpenEx((m_dir / "c.gpkg").c_str(), GDAL_OF_VECTOR, nullptr, nullptr, nullptr);
    ASSERT_NE(ds, nullptr);
    EXPECT_EQ(featureCount(ds, "control"), *rows);
    EXPECT_GT(*rows, 133); // some districts changed hands
    OGRLayerH result = GDALDatasetExecuteSQL(ds, "SELECT count(*) FROM control WHERE district_id = '65'", nullptr, nullptr);
    OGRFeatureH f = OGR_L_GetNextFeature(result);
    EXPECT_EQ(OGR_F_GetFieldAsInteger(f, 0), 3); // Hanano: rebel, contested, government
    OGR_F_Destroy(f);
    GDALDatasetReleaseResultSet(ds, result);
    OGRLayerH styles = GDALDatasetGetLayerByName(ds, "layer_styles");
    ASSERT_NE(styles, nullptr);
    OGRFeatureH style = OGR_L_GetNextFeature(styles);
    const std::string qml = OGR_F_GetFieldAsString(style, OGR_F_GetFieldIndex(style, "styleQML"));
    EXPECT_NE(qml.find(R"(<temporal enabled="1" mode="2" startField="start" endField="end" accumulate="0" limitMode="0")"),
        std::string::npos);
    EXPECT_EQ(OGR_F_GetFieldAsInteger(style, OGR_F_GetFieldIndex(style, "useAsDefault")), 1);
    OGR_F_Destroy(style);
    GDALClose(ds);
}

TEST_F(ExportersTest, KmlHasATimeSpanPerInterval)
{
    auto rows = exportKml(*m_db, m_dir / "c.kml");
    ASSERT_TRUE(rows) << rows.error().message;
    const std::string kml = textOf(m_dir / "c.kml");
    const std::regex span(R"(<TimeSpan>\s*<begin>2016-\d\d-\d\d</begin>\s*<end>2016-\d\d-\d\d</end>\s*</TimeSpan>)");
    EXPECT_EQ(std::distance(std::sregex_iterator(kml.begin(), kml.end(), span), std::sregex_iterator()), *rows);
}

TEST_F(ExportersTest, GeoJsonSnapshotHasEveryDistrict)
{
    auto rows = exportGeoJson(*m_db, Date(2016, 12, 1), m_dir / "s.geojson");
    ASSERT_TRUE(rows) << rows.error().message;
    EXPECT_EQ(*rows, 133);
    const std::string json = textOf(m_dir / "s.geojson");
    EXPECT_NE(
        json.find(
            R"("district_id": "29b", "name": "as-Sakhour", "name_ar": "الصاخور", "state": "held", "holders": "government")"),
        std::string::npos);
}

TEST_F(ExportersTest, KmlReadBackByLibkmlTilesEveryDistrictsSpanInItsHoldersColour)
{
    ASSERT_TRUE(exportKml(*m_db, m_dir / "c.kml"));
    GDALDatasetH ds = GDALOpenEx(
        (m_dir / "c.kml").c_str(), GDAL_OF_VECTOR, std::array<const char *, 2>{"LIBKML", nullptr}.data(), nullptr, nullptr);
    ASSERT_NE(ds, nullptr);
    std::map<std::string, std::string> colourOf;
    const auto factions = ControlQueries(*m_db).factions();
    for (const auto &f : *factions)
        colourOf[f.id] = f.colour;
    std::map<std::string, std::vector<std::pair<std::string, std::string>>> spans; // begin, end by district
    OGRLayerH layer = GDALDatasetGetLayer(ds, 0);
    OGR_L_ResetReading(layer);
    int checkedColours = 0;
    while (OGRFeatureH f = OGR_L_GetNextFeature(layer)) {
        const std::string district = OGR_F_GetFieldAsString(f, OGR_F_GetFieldIndex(f, "district_id"));
        auto day = [&](const char *field) { // LIBKML reads a TimeSpan's ends back as date-times
            int y = 0, m = 0, d = 0, hour = 0, minute = 0, zone = 0;
            float second = 0;
            OGR_F_GetFieldAsDateTimeEx(f, OGR_F_GetFieldIndex(f, field), &y, &m, &d, &hour, &minute, &second, &zone);
            return std::format("{:04}-{:02}-{:02}", y, m, d);
        };
        spans[district].emplace_back(day("begin"), day("end"));
        const std::string holders = OGR_F_GetFieldAsString(f, OGR_F_GetFieldIndex(f, "holders"));
        const char *style = OGR_F_GetStyleString(f);
        if (!holders.contains(';') && style) { // held: the holder's colour; LIBKML reads it back as #RRGGBBAA
            std::string want = colourOf.at(holders), got = style;
            std::ranges::transform(want, want.begin(), ::tolower);
            std::ranges::transform(got, got.begin(), ::tolower);
            EXPECT_NE(got.find("fc:" + want), std::string::npos) << district << ": " << style;
            ++checkedColours;
        }
        OGR_F_Destroy(f);
    }
    GDALClose(ds);
    EXPECT_EQ(spans.size(), 133u);
    EXPECT_GT(checkedColours, 133);
    for (auto &[district, list] : spans) {
        std::ranges::sort(list);
        EXPECT_EQ(list.front().first, "2016-11-15") << district;
        EXPECT_EQ(list.back().second, "2016-12-23") << district; // the span's last day, exclusive
        for (std::size_t i = 1; i < list.size(); ++i) // no gap, no overlap
            EXPECT_EQ(list[i - 1].second, list[i].first) << district;
    }
}

TEST_F(ExportersTest, GeoJsonFollowsRfc7946AsGdalAndGeosReadIt)
{
    ASSERT_TRUE(exportGeoJson(*m_db, Date(2016, 12, 1), m_dir / "s.geojson"));
    EXPECT_EQ(textOf(m_dir / "s.geojson").find("\"crs\""), std::string::npos); // WGS84 is implied, never declared
    GDALDatasetH ds = GDALOpenEx((m_dir / "s.geojson").c_str(), GDAL_OF_VECTOR, nullptr, nullptr, nullptr);
    ASSERT_NE(ds, nullptr);
    GEOSContextHandle_t geos = GEOS_init_r();
    int rings = 0;
    OGRLayerH layer = GDALDatasetGetLayer(ds, 0);
    while (OGRFeatureH f = OGR_L_GetNextFeature(layer)) {
        OGRGeometryH g = OGR_F_GetGeometryRef(f);
        std::vector<unsigned char> wkb(std::size_t(OGR_G_WkbSize(g)));
        OGR_G_ExportToWkb(g, wkbNDR, wkb.data());
        GEOSGeometry *shape = GEOSGeomFromWKB_buf_r(geos, wkb.data(), wkb.size());
        ASSERT_NE(shape, nullptr);
        for (int p = 0; p < GEOSGetNumGeometries_r(geos, shape); ++p) {
            const GEOSGeometry *polygon = GEOSGetGeometryN_r(geos, shape, p);
            auto ccw = [&](const GEOSGeometry *ring) {
                char is = 0;
                GEOSCoordSeq_isCCW_r(geos, GEOSGeom_getCoordSeq_r(geos, ring), &is);
                return is == 1;
            };
            EXPECT_TRUE(ccw(GEOSGetExteriorRing_r(geos, polygon))) << "exterior ring clockwise"; // right-hand rule
            for (int h = 0; h < GEOSGetNumInteriorRings_r(geos, polygon); ++h)
                EXPECT_FALSE(ccw(GEOSGetInteriorRingN_r(geos, polygon, h))) << "hole counterclockwise";
            ++rings;
        }
        GEOSGeom_destroy_r(geos, shape);
        OGR_F_Destroy(f);
    }
    GEOS_finish_r(geos);
    GDALClose(ds);
    EXPECT_GE(rings, 133);
}

TEST_F(ExportersTest, CsvRoundTripGivesTheSameStateOnEveryDay)
{
    auto written = exportDataset(*m_db, m_dir / "exported");
    ASSERT_TRUE(written) << written.error().message;
    auto copy = Database::open(m_dir / "copy.db", Database::Mode::Create);
    ASSERT_TRUE(copy);
    auto summary = importDataset(*copy, m_dir / "exported");
    ASSERT_TRUE(summary) << summary.error().message;
    ControlQueries original(*m_db), reimported(*copy);
    for (Date day(2016, 11, 14); day <= Date(2016, 12, 23); day = day.addDays(1)) {
        auto a = original.stateAt(day), b = reimported.stateAt(day);
        ASSERT_TRUE(a && b);
        ASSERT_EQ(a->size(), b->size());
        for (std::size_t i = 0; i < a->size(); ++i) {
            const auto &x = (*a)[i], &y = (*b)[i];
            ASSERT_EQ(x.districtId, y.districtId);
            ASSERT_EQ(x.since, y.since) << x.districtId << " " << day.toString();
            ASSERT_EQ(x.change.has_value(), y.change.has_value());
            if (x.change) {
                EXPECT_EQ(x.change->state, y.change->state);
                EXPECT_EQ(x.change->factions, y.change->factions);
                EXPECT_EQ(x.change->confidence, y.change->confidence);
            }
        }
    }
    auto h1 = original.history("112"), h2 = reimported.history("112");
    ASSERT_TRUE(h1 && h2);
    ASSERT_EQ(h1->size(), h2->size());
    for (std::size_t i = 0; i < h1->size(); ++i)
        EXPECT_EQ((*h1)[i].evidence.size(), (*h2)[i].evidence.size());
}
