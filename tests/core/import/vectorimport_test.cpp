// SPDX-License-Identifier: MIT
#include "core/needsshared.h"
#include "core/testdb.h"
#include "import/areaimport.h"
#include "import/datasetimporter.h"
#include "import/vectorimport.h"
#include "query/controlqueries.h"

#include <gdal_utils.h>

#include <algorithm>

#include <fstream>

using namespace frontline;
using frontline::test::TempDir;

namespace {
const std::filesystem::path kNeighbourhoods = frontline::test::sharedDir() / "data/aleppo-neighborhoods.geojson";

std::string bytesOf(const std::filesystem::path &p)
{
    std::ifstream in(p, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), {}};
}

//! What ogr2ogr makes of `source` (`-f driver [more options]`).
std::filesystem::path translate(
    const std::filesystem::path &source, const std::filesystem::path &target, std::vector<const char *> options)
{
    GDALAllRegister();
    options.push_back(nullptr);
    GDALVectorTranslateOptions *o = GDALVectorTranslateOptionsNew(const_cast<char **>(options.data()), nullptr);
    GDALDatasetH in = GDALOpenEx(source.c_str(), GDAL_OF_VECTOR, nullptr, nullptr, nullptr);
    GDALDatasetH out = GDALVectorTranslate(target.c_str(), nullptr, 1, &in, o, nullptr);
    GDALVectorTranslateOptionsFree(o);
    GDALClose(out);
    GDALClose(in);
    return target;
}

void write(const std::filesystem::path &p, const std::string &text)
{
    std::ofstream(p, std::ios::binary) << text;
}

Database fresh(const TempDir &dir, const char *name = "a.db")
{
    auto db = Database::open(dir / name, Database::Mode::Create);
    EXPECT_TRUE(db);
    return std::move(*db);
}

int count(const Database &db, const char *table)
{
    auto s = db.prepare(std::string("SELECT count(*) FROM ") + table);
    s.step();
    return int(s.integer(0));
}

std::string nameOf(const Database &db, const std::string &id)
{
    auto s = db.prepare("SELECT name FROM districts WHERE id = ?");
    s.bindAll(id);
    return s.step() ? s.text(0) : "";
}
} // namespace

TEST(RealVectorImport, ImportsTheNeighbourhoodsFileWithRepeatedIdsAndNames)
{
    FRONTLINE_NEEDS_SHARED("data/aleppo-neighborhoods.geojson");
    TempDir dir;
    Database db = fresh(dir);
    auto summary = importDistrictFile(db, kNeighbourhoods, {});
    ASSERT_TRUE(summary) << summary.error().message;
    EXPECT_EQ(summary->count("districts"), 133);
    EXPECT_EQ(count(db, "districts"), 133);
    EXPECT_GT(summary->count("shared borders"), 150);
    // Repeated ids get suffixes in file order, and the import says so.
    EXPECT_EQ(nameOf(db, "29"), "as-Sakhour I");
    EXPECT_EQ(nameOf(db, "29b"), "as-Sakhour");
    EXPECT_EQ(nameOf(db, "121c"), "Tishreen");
    EXPECT_TRUE(std::ranges::any_of(
        summary->remarks, [](const auto &r) { return r.find("\"121\" is used by features") != std::string::npos; }));
    // Names in both scripts and any apostrophe style find the district; repeated names are ambiguous.
    ControlQueries q(db);
    EXPECT_EQ(q.findDistrict("qal'et ash-sharif").value_or(""), q.findDistrict("Qal’et ash-Sharif").value_or("x"));
    EXPECT_FALSE(q.findDistrict("Tishreen"));
    // Two-part districts stay whole.
    auto districts = q.districts(true);
    ASSERT_TRUE(districts);
    EXPECT_EQ(std::ranges::count_if(*districts, [](const District &d) { return d.parts.size() == 2; }), 3);
}

TEST(RealVectorImport, KmlAndReprojectedShapefileGiveTheSameDistricts)
{
    FRONTLINE_NEEDS_SHARED("data/aleppo-neighborhoods.geojson");
    TempDir dir;
    const auto kml = translate(kNeighbourhoods, dir / "n.kml", {"-f", "KML"});
    const auto shp =
        translate(kNeighbourhoods, dir / "n.shp", {"-f", "ESRI Shapefile", "-t_srs", "EPSG:32637", "-lco", "ENCODING=UTF-8"});
    Database reference = fresh(dir, "ref.db");
    ASSERT_TRUE(importDistrictFile(reference, kNeighbourhoods, {}));
    for (const auto &file : {kml, shp}) {
        Database db = fresh(dir, (file.extension().string() + ".db").c_str());
        auto summary = importDistrictFile(db, file, {"Id", "NAME", "NAME_A", {}});
        ASSERT_TRUE(summary) << file << ": " << summary.error().message;
        EXPECT_EQ(summary->count("districts"), 133) << file;
        auto a = ControlQueries(reference).districts(false), b = ControlQueries(db).districts(false);
        ASSERT_TRUE(a && b);
        for (std::size_t i = 0; i < a->size(); ++i) {
            EXPECT_EQ((*a)[i].id, (*b)[i].id);
            EXPECT_EQ((*a)[i].nameArabic, (*b)[i].nameArabic) << file;
            EXPECT_NEAR((*a)[i].bbox.min.lon, (*b)[i].bbox.min.lon, 1e-6) << file; // reprojected back to WGS84
            EXPECT_NEAR((*a)[i].bbox.max.lat, (*b)[i].bbox.max.lat, 1e-6) << file;
        }
    }
}

TEST(RealVectorImport, ReplacingGeometryKeepsChanges)
{
    FRONTLINE_NEEDS_SHARED("data/aleppo-neighborhoods.geojson");
    TempDir dir;
    Database db = fresh(dir);
    ASSERT_TRUE(importDataset(db, test::kBundledDataset)); // Voronoi districts with the same keys
    const int changes = count(db, "changes");
    auto summary = importDistrictFile(db, kNeighbourhoods, {});
    ASSERT_TRUE(summary) << summary.error().message;
    EXPECT_EQ(summary->changed.at("districts"), 133);
    EXPECT_EQ(count(db, "districts"), 133);
    EXPECT_EQ(count(db, "changes"), changes);
}

TEST(VectorImport, RepairsInvalidPolygonsAndSaysSo)
{
    TempDir dir;
    write(dir / "bowtie.geojson",
        R"({"type":"FeatureCollection","features":[{"type":"Feature","properties":{"id":"x","name":"Bowtie"},
        "geometry":{"type":"Polygon","coordinates":[[[37.0,36.0],[37.1,36.1],[37.1,36.0],[37.0,36.1],[37.0,36.0]]]}}]})");
    Database db = fresh(dir);
    auto summary = importDistrictFile(db, dir / "bowtie.geojson", {});
    ASSERT_TRUE(summary) << summary.error().message;
    ASSERT_EQ(summary->remarks.size(), 1u);
    EXPECT_NE(summary->remarks[0].find("feature 1 (id x): repaired an invalid polygon (Self-intersection"), std::string::npos)
        << summary->remarks[0];
}

TEST(VectorImport, GazetteerMakesVoronoiDistrictsClippedToAnArea)
{
    TempDir dir;
    write(dir / "points.csv", "id,name,lat,lon\na,Alpha,36.20,37.10\nb,Beta,36.20,37.12\nc,Gamma,36.22,37.11\n");
    write(dir / "area.geojson", R"({"type":"FeatureCollection","features":[{"type":"Feature","properties":{},
        "geometry":{"type":"Polygon","coordinates":[[[37.09,36.19],[37.13,36.19],[37.13,36.23],[37.09,36.23],[37.09,36.19]]]}}]})");
    Database db = fresh(dir);
    auto summary = importGazetteer(db, dir / "points.csv", {}, dir / "area.geojson");
    ASSERT_TRUE(summary) << summary.error().message;
    EXPECT_EQ(summary->count("districts"), 3);
    auto districts = ControlQueries(db).districts(false);
    ASSERT_TRUE(districts);
    for (const auto &d : *districts) { // every cell inside the clip box
        EXPECT_GE(d.bbox.min.lon, 37.09 - 1e-9);
        EXPECT_LE(d.bbox.max.lat, 36.23 + 1e-9);
    }
    EXPECT_EQ(ControlQueries(db).districtAt({37.10, 36.20}).value_or(std::nullopt).value_or(""), "a");
}

TEST(VectorImport, AreaSnapshotsBecomeChanges)
{
    TempDir dir;
    Database db = fresh(dir);
    ASSERT_TRUE(importDataset(db, test::kBundledDataset));
    ControlQueries q(db);
    auto districts = q.districts(true);
    ASSERT_TRUE(districts);
    // A government area covering all of Hanano (65), rebel-held on 18 Nov.
    auto hanano = std::ranges::find(*districts, std::string("65"), &District::id);
    const auto &b = hanano->bbox;
    write(dir / "area.geojson",
        std::format(R"({{"type":"FeatureCollection","features":[{{"type":"Feature","properties":{{}},
        "geometry":{{"type":"Polygon","coordinates":[[[{0},{1}],[{2},{1}],[{2},{3}],[{0},{3}],[{0},{1}]]]}}}}]}})",
            b.min.lon - 1e-4, b.min.lat - 1e-4, b.max.lon + 1e-4, b.max.lat + 1e-4));
    auto summary = importAreas(db, {.paths = {dir / "area.geojson"}, .faction = "government", .date = Date(2016, 11, 18)});
    ASSERT_TRUE(summary) << summary.error().message;
    EXPECT_GE(summary->count("changes"), 1);
    auto states = q.stateAt(Date(2016, 11, 18));
    auto state = std::ranges::find(*states, std::string("65"), &DistrictState::districtId);
    ASSERT_TRUE(state->change);
    EXPECT_EQ(state->change->factions, std::vector<std::string>{"government"});
    auto history = q.history("65");
    auto snapshot = std::ranges::find_if(*history, [](const auto &c) { return c.change.date == Date(2016, 11, 18); });
    ASSERT_NE(snapshot, history->end());
    ASSERT_EQ(snapshot->evidence.size(), 1u);
    EXPECT_EQ(snapshot->evidence[0].source.publisher, "Area-of-control snapshot");
    EXPECT_FALSE(importAreas(db, {.paths = {dir / "area.geojson"}, .faction = "martians", .date = Date(2016, 11, 18)}));
}

struct BadVector {
    std::string name;
    std::string content;
    DistrictFields fields;
    std::string expected;
};

void PrintTo(const BadVector &b, std::ostream *out)
{
    *out << b.name;
}

class VectorImportBadInput : public ::testing::TestWithParam<BadVector> { };

TEST_P(VectorImportBadInput, IsRefusedAndTheDatabaseIsByteForByteUnchanged)
{
    TempDir dir;
    {
        Database db = fresh(dir);
        ASSERT_TRUE(importDataset(db, test::kBundledDataset));
    }
    const std::string before = bytesOf(dir / "a.db");
    write(dir / GetParam().name, GetParam().content);
    {
        auto db = Database::open(dir / "a.db", Database::Mode::ReadWrite);
        ASSERT_TRUE(db);
        auto result = importDistrictFile(*db, dir / GetParam().name, GetParam().fields);
        ASSERT_FALSE(result);
        EXPECT_NE(result.error().message.find(GetParam().expected), std::string::npos) << result.error().message;
    }
    EXPECT_EQ(bytesOf(dir / "a.db"), before);
}

INSTANTIATE_TEST_SUITE_P(Cases, VectorImportBadInput,
    ::testing::Values(BadVector{"empty.geojson", "", {}, "empty.geojson: the file is empty"},
        BadVector{"notreally.shp", "this is a text file, not a shapefile\n", {}, "not a vector file GDAL can read"},
        BadVector{"broken.geojson", R"({"type":"FeatureCollection","features":[{"type":"Feature",)", {},
            "not a vector file GDAL can read"},
        BadVector{"points.geojson",
            R"({"type":"FeatureCollection","features":[{"type":"Feature","properties":{"id":"p"},"geometry":{"type":"Point","coordinates":[37.1,36.2]}}]})",
            {}, "feature 1 (id p): is a Point, not a polygon"},
        BadVector{"nogeometry.geojson",
            R"({"type":"FeatureCollection","features":[{"type":"Feature","properties":{"id":"p"},"geometry":null}]})", {},
            "feature 1: has no geometry"},
        BadVector{"fields.geojson",
            R"({"type":"FeatureCollection","features":[{"type":"Feature","properties":{"code":"p"},"geometry":{"type":"Point","coordinates":[37.1,36.2]}}]})",
            {"district_code", "", "", {}}, "no id field \"district_code\" (its fields: code)"}),
    [](const auto &info) { return "case" + std::to_string(info.index); });

TEST(RealVectorImport, SyriasSubDistrictsAreAGazetteerInOneCommand)
{
    FRONTLINE_NEEDS_SHARED("data/real/syria");
    TempDir dir;
    Database db = fresh(dir);
    const auto csv = frontline::test::sharedDir() / "data/real/syria/subdistricts.csv";
    // Its coordinate columns are `geo.lat` and `geo.lon`: without naming them the file has no points.
    auto unnamed = importGazetteer(db, csv, {}, std::nullopt);
    ASSERT_FALSE(unnamed);
    EXPECT_NE(unnamed.error().message.find("subdistricts.csv: feature 1: no coordinates (name the columns with --lat-field"),
        std::string::npos)
        << unnamed.error().message;
    auto summary = importGazetteer(db, csv,
        {.id = "code.id", .name = "name.en", .arabicName = "name.local", .lat = "geo.lat", .lon = "geo.lon"}, std::nullopt);
    ASSERT_TRUE(summary) << summary.error().message;
    EXPECT_EQ(summary->count("districts"), 272);
    ControlQueries q(db);
    // Two sub-districts are called Suran; keyed on the P-code, both are kept.
    EXPECT_EQ(q.districtAt({37.23, 36.593}).value_or(std::nullopt).value_or(""), "SY020405"); // Suran, Aleppo
    EXPECT_EQ(q.districtAt({37.145, 36.186}).value_or(std::nullopt).value_or(""), "SY020000"); // Jebel Saman, Aleppo
    EXPECT_EQ(q.districtAt({36.749, 35.299}).value_or(std::nullopt).value_or(""), "SY050101"); // the other Suran, Hama
    auto districts = q.districts(false);
    ASSERT_TRUE(districts);
    auto jebelSaman = std::ranges::find(*districts, std::string("SY020000"), &District::id);
    ASSERT_NE(jebelSaman, districts->end());
    EXPECT_EQ(jebelSaman->nameArabic, "مركز جبل سمعان");
}
