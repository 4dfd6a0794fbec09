// SPDX-License-Identifier: MIT
#include "controlqueries.h"
#include "datasetimporter.h"
#include "export/exporters.h"
#include "testdb.h"

#include <gdal.h>
#include <ogr_api.h>

#include <fstream>
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
    EXPECT_NE(qml.find(R"(<temporal enabled="1" mode="1" startField="start" endField="end")"), std::string::npos);
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
