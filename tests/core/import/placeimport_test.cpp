// SPDX-License-Identifier: MIT
// Status tables of places: Wikipedia's monthly town tables (from ../shared/data/real, as they are) and
// VIINA-style panels.
#include "core/needsshared.h"
#include "core/testdb.h"
#include "core/ukrainedb.h"
#include "import/placeimport.h"
#include "import/vectorimport.h"
#include "query/controlqueries.h"
#include "query/districtresolver.h"

using namespace frontline;
using namespace frontline::test;

namespace {

//! What Wikipedia's "Held by" values mean; the non-breaking space in "Gray zone" is folded.
std::filesystem::path holderMap(const TempDir &dir, bool withGrayZone = true)
{
    write(dir / "holders.csv",
        std::string("value,state,factions\nUkraine,held,ukraine\nUkraine?,held,ukraine\nRussia,held,russia\n"
                    "Donetsk PR,held,russia\nLuhansk PR,held,russia\nDPR,held,russia\n"
                    "Contested,contested,russia;ukraine\nUnknown,unknown,\nUncontrolled,unknown,\n,unknown,\n")
            + (withGrayZone ? "Gray\xC2\xA0zone,contested,russia;ukraine\n" : ""));
    return dir / "holders.csv";
}

std::vector<std::filesystem::path> wikipediaTables()
{
    std::vector<std::filesystem::path> files;
    for (const auto &e : std::filesystem::directory_iterator(kUkraine / "wikipedia-cities"))
        if (e.path().filename().string().starts_with("20"))
            files.push_back(e.path());
    std::ranges::sort(files);
    return files;
}

std::optional<ControlChange> controlOn(const Database &db, const std::string &district, Date date)
{
    auto states = ControlQueries(db).stateAt(date);
    EXPECT_TRUE(states);
    for (const auto &s : *states)
        if (s.districtId == district)
            return s.change;
    return std::nullopt;
}

std::int64_t scalar(const Database &db, const char *sql)
{
    auto s = db.prepare(sql);
    return s.step() ? s.integer(0) : -1;
}
} // namespace

TEST(RealPlaceImport, WikipediasMonthlyTownTables)
{
    FRONTLINE_NEEDS_SHARED("data/real/ukraine");
    TempDir dir;
    Database db = twoSides(dir);
    const auto files = wikipediaTables();
    ASSERT_EQ(files.size(), 30u);
    auto summary =
        importPlaces(db, {.files = files, .dateFromName = "%Y-%m-%d", .holderMap = holderMap(dir), .source = "Wikipedia"});
    ASSERT_TRUE(summary) << summary.error().message;
    EXPECT_GT(summary->count("districts"), 500);
    EXPECT_GT(summary->skipped.at("rows without coordinates"), 0);
    EXPECT_TRUE(std::ranges::any_of(
        summary->remarks, [](const auto &r) { return r.starts_with("rows without coordinates, skipped: 20"); }));

    // Bakhmut: Ukrainian, contested from 2022, Russian once it fell in May 2023.
    DistrictResolver names(db);
    auto bakhmut = names.resolve("Bakhmut");
    ASSERT_TRUE(bakhmut) << bakhmut.error().message;
    EXPECT_EQ(controlOn(db, *bakhmut, Date(2022, 3, 31))->factions, std::vector<std::string>{"ukraine"});
    EXPECT_EQ(controlOn(db, *bakhmut, Date(2023, 3, 31))->state, ControlState::Contested);
    EXPECT_EQ(controlOn(db, *bakhmut, Date(2023, 6, 29))->factions, std::vector<std::string>{"russia"});
    // Each change cites the table's row and the link the row gives.
    auto history = ControlQueries(db).history(*bakhmut);
    ASSERT_TRUE(history);
    const auto &first = history->front().evidence;
    ASSERT_EQ(first.size(), 2u);
    EXPECT_EQ(first[0].source.publisher, "Wikipedia");
    EXPECT_EQ(first[0].source.date, "2022-03-31");
    EXPECT_NE(first[0].excerpt.text.find("2022-03-31.csv, line 7: Bakhmut: held by \"Ukraine\""), std::string::npos)
        << first[0].excerpt.text;
    EXPECT_EQ(first[1].source.url, "https://web.archive.org/web/20150923150638/http://artemrada.gov.ua/uk/news/10260");
    // A renamed town at the same coordinates is one district with both names.
    auto zviahel = names.resolve("Zviahel");
    auto old = names.resolve("Novohrad-Volynskyi");
    ASSERT_TRUE(zviahel && old);
    EXPECT_EQ(*zviahel, *old);

    // A change is recorded only where the holder differs from the previous table: importing again adds none.
    const auto changes = scalar(db, "SELECT count(*) FROM changes");
    EXPECT_LT(changes, 1500); // not one per row (about 12,000)
    auto again =
        importPlaces(db, {.files = files, .dateFromName = "%Y-%m-%d", .holderMap = holderMap(dir), .source = "Wikipedia"});
    ASSERT_TRUE(again) << again.error().message;
    EXPECT_EQ(scalar(db, "SELECT count(*) FROM changes"), changes);
}

TEST(RealPlaceImport, AnUnmappedHolderNamesFileAndLineAndImportsNothing)
{
    FRONTLINE_NEEDS_SHARED("data/real/ukraine");
    TempDir dir;
    Database db = twoSides(dir);
    auto result = importPlaces(db, {.files = wikipediaTables(), .dateFromName = "%Y-%m-%d", .holderMap = holderMap(dir, false)});
    ASSERT_FALSE(result);
    EXPECT_NE(result.error().message.find(".csv:"), std::string::npos) << result.error().message;
    EXPECT_NE(result.error().message.find(": holder \"Gray zone\" is not in the holder map"), std::string::npos)
        << result.error().message;
    EXPECT_EQ(scalar(db, "SELECT count(*) FROM districts"), 0);
    EXPECT_EQ(scalar(db, "SELECT count(*) FROM changes"), 0);
}

TEST(RealPlaceImport, TownsFallIntoTheHromadasThatHoldThem)
{
    FRONTLINE_NEEDS_SHARED("data/real/ukraine");
    TempDir dir;
    Database db = twoSides(dir);
    ASSERT_TRUE(importDistrictFile(db, kUkraine / "hromadas-frontline5.geojson", {.id = "katotth", .name = "name:en"}));
    auto summary =
        importPlaces(db, {.files = wikipediaTables(), .dateFromName = "%Y-%m-%d", .holderMap = holderMap(dir), .within = true});
    ASSERT_TRUE(summary) << summary.error().message;
    EXPECT_EQ(summary->count("districts"), 0);
    EXPECT_GT(summary->skipped.at("places outside every district"), 100); // towns elsewhere in Ukraine
    // Bakhmut's hromada: its towns Ukrainian in 2022; after the city fell, Russian or contested.
    EXPECT_EQ(controlOn(db, "UA14020010000088496", Date(2022, 3, 31))->factions, std::vector<std::string>{"ukraine"});
    const auto fallen = controlOn(db, "UA14020010000088496", Date(2023, 6, 29));
    ASSERT_TRUE(fallen);
    EXPECT_EQ(fallen->factions.front(), "russia");
}

TEST(PlaceImport, LongAndWidePanels)
{
    TempDir dir;
    Database db = twoSides(dir);
    write(dir / "map.csv", "value,state,factions\nUKR,held,ukraine\nRU,held,russia\ncontested,contested,russia;ukraine\n");
    // Long: one row per place and day, in any order; unchanged days add nothing.
    write(dir / "long.csv",
        "place,lat,lon,date,status\n"
        "Avdiivka,48.1333,37.75,2024-02-01,contested\n"
        "Avdiivka,48.1333,37.75,2024-01-01,UKR\n"
        "Avdiivka,48.1333,37.75,2024-01-15,UKR\n"
        "Avdiivka,48.1333,37.75,2024-02-17,RU\n"
        "Mariinka,47.9406,37.5036,2024-01-01,RU\n"
        "Nowhere,,,2024-01-01,RU\n");
    auto summary = importPlaces(db, {.files = {dir / "long.csv"}, .dateField = "date", .holderMap = dir / "map.csv"});
    ASSERT_TRUE(summary) << summary.error().message;
    EXPECT_EQ(summary->count("districts"), 2);
    EXPECT_EQ(summary->count("changes"), 4);
    EXPECT_EQ(summary->skipped.at("rows without coordinates"), 1);
    EXPECT_EQ(controlOn(db, "Avdiivka", Date(2024, 2, 16))->state, ControlState::Contested);
    EXPECT_EQ(controlOn(db, "Avdiivka", Date(2024, 2, 17))->factions, std::vector<std::string>{"russia"});

    // Wide: a column per day, empty where nothing was said.
    TempDir other;
    Database wide = twoSides(other);
    write(other / "map.csv", "value,state,factions\nUKR,held,ukraine\nRU,held,russia\n");
    write(other / "wide.csv",
        "name,latitude,longitude,2024-01-01,2024-02-01,2024-03-01\n"
        "Robotyne,47.4444,35.8375,UKR,,RU\n"
        "Krynky,46.7308,33.0886,RU,UKR,UKR\n");
    auto panel = importPlaces(wide, {.files = {other / "wide.csv"}, .wide = true, .holderMap = other / "map.csv"});
    ASSERT_TRUE(panel) << panel.error().message;
    EXPECT_EQ(panel->count("changes"), 4);
    EXPECT_EQ(controlOn(wide, "Robotyne", Date(2024, 2, 15))->factions, std::vector<std::string>{"ukraine"});
    EXPECT_EQ(controlOn(wide, "Krynky", Date(2024, 3, 1))->factions, std::vector<std::string>{"ukraine"});
    EXPECT_EQ(controlOn(wide, "Robotyne", Date(2024, 3, 1))->factions, std::vector<std::string>{"russia"});

    // Headers as VIINA's control files name them: the pattern reads the headers, not the file's name.
    TempDir third;
    Database viina = twoSides(third);
    write(third / "map.csv", "value,state,factions\nUA,held,ukraine\nRU,held,russia\nCONTESTED,contested,russia;ukraine\n");
    write(third / "control_latest.csv",
        "name,latitude,longitude,ctr_20220301,ctr_20220302\nHostomel,50.5697,30.2651,CONTESTED,RU\nBucha,50.5435,30.2124,UA,"
        "UA\n");
    auto headers = importPlaces(viina,
        {.files = {third / "control_latest.csv"}, .dateFromName = "ctr_%Y%m%d", .wide = true, .holderMap = third / "map.csv"});
    ASSERT_TRUE(headers) << headers.error().message;
    EXPECT_EQ(controlOn(viina, "Hostomel", Date(2022, 3, 1))->state, ControlState::Contested);
    EXPECT_EQ(controlOn(viina, "Hostomel", Date(2022, 3, 2))->factions, std::vector<std::string>{"russia"});
}
