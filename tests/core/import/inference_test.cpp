// SPDX-License-Identifier: MIT
// Inferred changes and reported shares: stored, read back, exported where they are used, and audited; and the
// bundled Aleppo record measured against the shares reported at the time.
#include "core/testdb.h"
#include "export/exporters.h"
#include "import/datasetimporter.h"
#include "query/audit.h"
#include "query/controlqueries.h"
#include "query/shareclaims.h"

#include <gdal.h>
#include <ogr_api.h>

#include <array>
#include <cmath>
#include <fstream>
#include <map>

using namespace frontline;
using frontline::test::TempDir;

namespace {
void write(const std::filesystem::path &p, const std::string &text)
{
    std::ofstream(p, std::ios::binary) << text;
}

//! A dataset of three squares in a row, a, b and c: a held by the army from the start, c by the rebels; on
//! 5 March b falls to the army on no report, inferred from a city-wide statement; the army's claim of 5
//! March says it holds `claimed`% of the three.
std::filesystem::path inferredDataset(const TempDir &dir, int claimed)
{
    const auto folder = dir / "dataset";
    std::filesystem::create_directories(folder);
    write(folder / "manifest.ini", "format = frontline-dataset-1\nname = Three squares\n");
    write(folder / "factions.csv", "id,name,colour\narmy,Army,#D55E00\nrebels,Rebels,#009E73\n");
    std::string districts = "id,name,wkt\n";
    for (int i = 0; i < 3; ++i)
        districts +=
            std::format("{},{},\"POLYGON(({} 0,{} 0,{} 1,{} 1,{} 0))\"\n", char('a' + i), char('A' + i), i, i + 1, i + 1, i, i);
    write(folder / "districts.csv", districts);
    write(folder / "sources.csv",
        "id,publisher,author,title,url,date\ns1,Monitor,,Daily report,,2024-03-01\n"
        "s2,Monitor,,The city is taken,,2024-03-05\n");
    write(folder / "excerpts.csv",
        "id,source_id,kind,text\nx1,s1,note,Lines as of 1 March\n"
        "x2,s2,note,The army holds the whole city but the western square\n"
        "x3,s2,note,The army says it holds most of the city\n");
    write(folder / "changes.csv",
        "id,date,district_id,state,factions,confidence,note\n"
        "a1,2024-03-01,a,held,army,high,\nb1,2024-03-01,b,held,rebels,high,\n"
        "c1,2024-03-01,c,held,rebels,high,\nb2,2024-03-05,b,held,army,medium,\n");
    write(folder / "evidence.csv", "change_id,excerpt_id,stance\na1,x1,supports\nb1,x1,supports\nc1,x1,supports\nb2,x2,infers\n");
    write(folder / "claim_areas.csv", "id,name,districts\ncity,The city,a;b;c\n");
    write(folder / "share_claims.csv",
        std::format("id,date,area_id,faction,percent,claimant,excerpt_id\nr1,2024-03-05,city,army,{},the army,x3\n", claimed));
    return folder;
}

Database imported(const TempDir &dir, const std::filesystem::path &folder, const char *name = "a.db")
{
    auto db = Database::open(dir / name, Database::Mode::Create);
    EXPECT_TRUE(db);
    auto r = importDataset(*db, folder);
    EXPECT_TRUE(r) << r.error().message;
    return std::move(*db);
}

//! (change id, inferred) of every change, in order.
std::vector<std::pair<std::string, bool>> inferredFlags(const Database &db)
{
    std::vector<std::pair<std::string, bool>> out;
    for (auto s = db.prepare("SELECT id, inferred FROM change_list ORDER BY id"); s.step();)
        out.emplace_back(s.text(0), s.integer(1) != 0);
    return out;
}
} // namespace

TEST(Inference, AChangeRestingOnlyOnAnInferenceIsInferredAndSaysWhatFrom)
{
    TempDir dir;
    const Database db = imported(dir, inferredDataset(dir, 67));
    const std::vector<std::pair<std::string, bool>> expected{{"a1", false}, {"b1", false}, {"b2", true}, {"c1", false}};
    EXPECT_EQ(inferredFlags(db), expected);
    auto history = ControlQueries(db).history("b");
    ASSERT_TRUE(history);
    ASSERT_EQ(history->size(), 2u);
    EXPECT_TRUE(history->back().change.inferred);
    ASSERT_EQ(history->back().evidence.size(), 1u);
    EXPECT_EQ(history->back().evidence[0].stance, Stance::Infers);
    EXPECT_EQ(history->back().evidence[0].source.title, "The city is taken");
    // An inference is evidence: the audit does not call the change unsourced or disputed.
    auto findings = audit(db);
    ASSERT_TRUE(findings);
    for (const auto &f : *findings)
        ADD_FAILURE() << f.check << ": " << f.detail;
}

TEST(Inference, AReportOfTheSameChangeMakesItReported)
{
    TempDir dir;
    const auto folder = inferredDataset(dir, 67);
    write(folder / "evidence.csv",
        "change_id,excerpt_id,stance\na1,x1,supports\nb1,x1,supports\nc1,x1,supports\nb2,x2,infers\nb2,x3,supports\n");
    const Database db = imported(dir, folder);
    EXPECT_FALSE(inferredFlags(db)[2].second);
}

TEST(Inference, RoundTripsThroughTheDatasetCsv)
{
    TempDir dir;
    const Database db = imported(dir, inferredDataset(dir, 67));
    ASSERT_TRUE(exportDataset(db, dir / "out"));
    const Database again = imported(dir, dir / "out", "b.db");
    EXPECT_EQ(inferredFlags(again), inferredFlags(db));
    auto claims = shareClaims(again);
    ASSERT_TRUE(claims);
    ASSERT_EQ(claims->size(), 1u);
    EXPECT_EQ(claims->front().claimant, "the army");
    EXPECT_EQ(claims->front().excerpt, "The army says it holds most of the city");
}

TEST(Inference, GeoPackageAndKmlCarryTheInferenceAsGdalReadsThem)
{
    TempDir dir;
    const Database db = imported(dir, inferredDataset(dir, 67));
    ASSERT_TRUE(exportGeoPackage(db, dir / "c.gpkg"));
    ASSERT_TRUE(exportKml(db, dir / "c.kml"));
    for (auto [file, driver] : {std::pair{"c.gpkg", "GPKG"}, {"c.kml", "LIBKML"}}) {
        GDALDatasetH ds = GDALOpenEx(
            (dir / file).c_str(), GDAL_OF_VECTOR, std::array<const char *, 2>{driver, nullptr}.data(), nullptr, nullptr);
        ASSERT_NE(ds, nullptr) << file;
        OGRLayerH layer = GDALDatasetGetLayerByName(ds, "control");
        ASSERT_NE(layer, nullptr) << file;
        std::map<std::string, std::pair<int, std::string>> inferred; // district -> (inferred, basis) of its army spans
        for (OGRFeatureH f; (f = OGR_L_GetNextFeature(layer)) != nullptr; OGR_F_Destroy(f))
            if (std::string(OGR_F_GetFieldAsString(f, OGR_F_GetFieldIndex(f, "holders"))) == "army")
                inferred[OGR_F_GetFieldAsString(f, OGR_F_GetFieldIndex(f, "district_id"))] = {
                    OGR_F_GetFieldAsInteger(f, OGR_F_GetFieldIndex(f, "inferred")),
                    OGR_F_GetFieldAsString(f, OGR_F_GetFieldIndex(f, "basis"))};
        GDALClose(ds);
        EXPECT_EQ(inferred["a"].first, 0) << file;
        EXPECT_EQ(inferred["b"].first, 1) << file;
        EXPECT_EQ(inferred["b"].second, "Monitor (2024-03-05): The army holds the whole city but the western square") << file;
    }
}

TEST(Inference, TheAuditFlagsAShareTheDatasetMisses)
{
    TempDir near, far;
    // The army holds two of the three squares (67%) on 5 March.
    const Database close = imported(near, inferredDataset(near, 70));
    auto claims = shareClaims(close);
    ASSERT_TRUE(claims);
    EXPECT_NEAR(claims->front().measured, 200.0 / 3, 0.5);
    auto none = audit(close);
    ASSERT_TRUE(none);
    for (const auto &f : *none)
        ADD_FAILURE() << f.check << ": " << f.detail;
    const Database off = imported(far, inferredDataset(far, 95));
    auto found = audit(off);
    ASSERT_TRUE(found);
    ASSERT_EQ(found->size(), 1u);
    EXPECT_EQ(found->front().check, "share claim");
    EXPECT_EQ(found->front().severity, AuditFinding::Severity::Warning);
    EXPECT_EQ(found->front().date.toString(), "2024-03-05");
    auto lenient = audit(off, {.claimPoints = 30});
    ASSERT_TRUE(lenient);
    EXPECT_TRUE(lenient->empty());
}

TEST(Inference, TheBundledRecordEndsWhereTheBattleEndedAndFollowsTheReportedShares)
{
    TempDir dir;
    const Database db = imported(dir, test::kBundledDataset);
    auto end = ControlQueries(db).stateAt(*Date::parse("2016-12-22"));
    ASSERT_TRUE(end);
    for (const auto &d : *end)
        if (d.change) {
            EXPECT_EQ(std::ranges::count(d.change->factions, "rebels"), 0) << d.name << " on 22 Dec";
        }
    auto claims = shareClaims(db);
    ASSERT_TRUE(claims);
    ASSERT_EQ(claims->size(), 6u);
    double total = 0;
    for (const auto &c : *claims) {
        EXPECT_LE(std::abs(c.measured - c.claimed), 20) << c.date.toString();
        total += std::abs(c.measured - c.claimed);
    }
    EXPECT_LE(total / 6, 10);
    auto findings = audit(db);
    ASSERT_TRUE(findings);
    EXPECT_TRUE(findings->empty()) << findings->front().check << ": " << findings->front().detail;
    // The seed's dispute of 30 November still shows both sides.
    auto history = ControlQueries(db).history("112");
    ASSERT_TRUE(history);
    auto day = std::ranges::find(*history, *Date::parse("2016-11-30"), [](const auto &c) { return c.change.date; });
    ASSERT_NE(day, history->end());
    EXPECT_GT(std::ranges::count(day->evidence, Stance::Supports, &Evidence::stance), 0);
    EXPECT_GT(std::ranges::count(day->evidence, Stance::Disputes, &Evidence::stance), 0);
}
