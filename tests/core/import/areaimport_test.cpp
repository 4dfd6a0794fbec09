// SPDX-License-Identifier: MIT
// Area archives as analysts download them (DeepStateMap, ISW; from ../shared/data/real, read as they are)
// and small crafted files for each rule.
#include "core/needsshared.h"
#include "core/testdb.h"
#include "core/ukrainedb.h"
#include "import/areaimport.h"
#include "import/vectorimport.h"
#include "query/controlqueries.h"

#include <cstdlib>
#include <map>

using namespace frontline;
using namespace frontline::test;

namespace {

//! The 275 front-line hromadas, keyed by their KATOTTH codes.
Database hromadas(const TempDir &dir)
{
    Database db = twoSides(dir);
    auto summary = importDistrictFile(db, kUkraine / "hromadas-frontline5.geojson", {.id = "katotth", .name = "name:en"});
    EXPECT_TRUE(summary) << summary.error().message;
    return db;
}

//! "held russia" / "contested russia;ukraine" -> districts, on `date`.
std::map<std::string, int> tally(const Database &db, Date date)
{
    std::map<std::string, int> out;
    auto states = ControlQueries(db).stateAt(date);
    EXPECT_TRUE(states);
    for (const auto &s : *states) {
        std::string key = "unknown";
        if (s.change) {
            key = s.change->state == ControlState::Held ? "held " : "contested ";
            for (std::size_t i = 0; i < s.change->factions.size(); ++i)
                key += (i ? ";" : "") + s.change->factions[i];
        }
        ++out[key];
    }
    return out;
}

std::int64_t scalar(const Database &db, const char *sql)
{
    auto s = db.prepare(sql);
    return s.step() ? s.integer(0) : -1;
}

AreaArchive deepState(std::vector<std::filesystem::path> paths)
{
    return {.paths = std::move(paths),
        .faction = "russia",
        .others = "ukraine",
        .dateFromName = "deepstatemap_data_%Y%m%d",
        .source = "DeepStateMap"};
}

//! One file of a tarball under ../shared/data/real/archives, unpacked into `dir`.
std::filesystem::path unpack(const TempDir &dir, const char *tarball, const char *member)
{
    const std::string command =
        std::format("tar -xJf '{}' -C '{}' '{}'", (kRealData / "archives" / tarball).string(), dir.path().string(), member);
    EXPECT_EQ(std::system(command.c_str()), 0) << command;
    return dir / member;
}

std::string polygon(double x0, double y0, double x1, double y1, bool clockwise = false)
{
    return clockwise ? std::format("[[[{0},{1}],[{0},{3}],[{2},{3}],[{2},{1}],[{0},{1}]]]", x0, y0, x1, y1)
                     : std::format("[[[{0},{1}],[{2},{1}],[{2},{3}],[{0},{3}],[{0},{1}]]]", x0, y0, x1, y1);
}

std::string collection(const std::vector<std::string> &features)
{
    std::string out = R"({"type":"FeatureCollection","features":[)";
    for (std::size_t i = 0; i < features.size(); ++i)
        out += (i ? "," : "") + features[i];
    return out + "]}";
}

std::string feature(const std::string &geometry, const std::string &properties = "{}")
{
    return std::format(R"({{"type":"Feature","properties":{},"geometry":{}}})", properties, geometry);
}

//! Four unit squares side by side along the equator, a b c d (west to east).
Database squares(const TempDir &dir)
{
    Database db = twoSides(dir);
    std::vector<std::string> f;
    f.reserve(4);
    for (int i = 0; i < 4; ++i)
        f.push_back(feature(std::format(R"({{"type":"Polygon","coordinates":{}}})", polygon(i, 0, i + 1, 1)),
            std::format(R"({{"id":"{}"}})", char('a' + i))));
    write(dir / "squares.geojson", collection(f));
    EXPECT_TRUE(importDistrictFile(db, dir / "squares.geojson", {}));
    return db;
}
} // namespace

TEST(RealAreaArchive, DeepStateWeeklyFolderOntoHromadas)
{
    FRONTLINE_NEEDS_SHARED("data/real/ukraine");
    TempDir dir;
    Database db = hromadas(dir);
    auto summary = importAreas(db, deepState({kUkraine / "deepstate-weekly"}));
    ASSERT_TRUE(summary) << summary.error().message;
    EXPECT_EQ(summary->count("snapshots"), 110); // the LICENSE beside them is not vector data
    const auto first = tally(db, Date(2024, 7, 8));
    EXPECT_EQ(first.at("held russia"), 136);
    EXPECT_EQ(first.at("contested russia;ukraine"), 17);
    EXPECT_EQ(first.at("held ukraine"), 275 - 136 - 17);
    EXPECT_FALSE(first.contains("unknown"));
    EXPECT_GT(tally(db, Date(2026, 4, 9)).at("held russia"), 150);
    // The data run to the last snapshot, though nothing changed in its last weeks.
    auto span = ControlQueries(db).span();
    ASSERT_TRUE(span);
    EXPECT_EQ(span->last, Date(2026, 8, 17)); // deepstatemap_data_20260817.geojson
    EXPECT_LT(span->lastChange, span->last);

    // Every change cites its snapshot: the publisher, the day and the file.
    auto history = ControlQueries(db).history("UA14020010000088496"); // Bakhmut
    ASSERT_TRUE(history);
    ASSERT_FALSE(history->empty());
    const auto &evidence = history->front().evidence;
    ASSERT_EQ(evidence.size(), 1u);
    EXPECT_EQ(evidence[0].source.publisher, "DeepStateMap");
    EXPECT_EQ(evidence[0].source.date, "2024-07-08");
    EXPECT_NE(evidence[0].excerpt.text.find("deepstatemap_data_20240708.geojson"), std::string::npos);

    const auto changes = scalar(db, "SELECT count(*) FROM changes");
    auto again = importAreas(db, deepState({kUkraine / "deepstate-weekly"}));
    ASSERT_TRUE(again) << again.error().message;
    EXPECT_EQ(again->count("changes"), 0);
    EXPECT_EQ(scalar(db, "SELECT count(*) FROM changes"), changes);
}

TEST(RealAreaArchive, RawDeepStateSnapshotFilteredByStatus)
{
    FRONTLINE_NEEDS_SHARED("data/real/ukraine");
    TempDir dir;
    Database db = hromadas(dir);
    const auto raw = unpack(dir, "deepstate-raw-snapshots.tar.xz", "geojsons/1736977750.geojson"); // 2025-01-15
    // Unfiltered, the snapshot's points (units, arrows) are skipped and counted; its collections are read.
    {
        TempDir other;
        Database unfiltered = hromadas(other);
        auto all = importAreas(unfiltered, {.paths = {raw}, .faction = "russia", .others = "ukraine", .dateFromName = "%s"});
        ASSERT_TRUE(all) << all.error().message;
        EXPECT_GT(all->skipped.at("Point features"), 50);
    }
    auto summary = importAreas(db,
        {.paths = {raw},
            .faction = "russia",
            .others = "ukraine",
            .dateFromName = "%s",
            .where = "name LIKE '%occupied%' OR name LIKE '%territories.crimea%' OR name LIKE '%ordlo%'",
            .source = "DeepStateMap"});
    ASSERT_TRUE(summary) << summary.error().message;
    EXPECT_EQ(summary->count("snapshots"), 1);
    // The same map as the daily archive's file of that day.
    TempDir other;
    Database daily = hromadas(other);
    ASSERT_TRUE(importAreas(
        daily, deepState({unpack(other, "deepstate-daily-2024-2026.tar.xz", "data/deepstatemap_data_20250115.geojson")})));
    const auto fromRaw = tally(db, Date(2025, 1, 15));
    EXPECT_EQ(fromRaw.at("held russia"), 144);
    EXPECT_EQ(fromRaw.at("contested russia;ukraine"), 17);
    EXPECT_EQ(fromRaw, tally(daily, Date(2025, 1, 15)));
}

TEST(RealAreaArchive, IswAssessedControlAndClaimsAsEvidence)
{
    FRONTLINE_NEEDS_SHARED("data/real/ukraine");
    TempDir dir;
    Database db = hromadas(dir);
    const auto isw = kUkraine / "isw-2022";
    std::vector<std::filesystem::path> assessed, claimed;
    for (const auto &e : std::filesystem::directory_iterator(isw))
        (e.path().filename().string().contains("Claimed") ? claimed : assessed).push_back(e.path());
    std::erase_if(assessed, [](const auto &p) { return p.extension() != ".geojson"; });
    // Some files have only FID: their date is in the name, not in `datetime`.
    auto noField = importAreas(db, {.paths = assessed, .faction = "russia", .others = "ukraine", .dateField = "datetime"});
    ASSERT_FALSE(noField);
    EXPECT_NE(noField.error().message.find("no date field \"datetime\" (its fields: FID)"), std::string::npos)
        << noField.error().message;
    EXPECT_EQ(scalar(db, "SELECT count(*) FROM changes"), 0);

    auto summary = importAreas(
        db, {.paths = assessed, .faction = "russia", .others = "ukraine", .dateFromName = "%Y%m%d_", .source = "ISW/CTP"});
    ASSERT_TRUE(summary) << summary.error().message;
    EXPECT_EQ(summary->count("snapshots"), 9);
    EXPECT_GE(summary->repaired.at("invalid polygons"), 1); // the self-intersecting ring
    auto claims = importAreas(db,
        {.paths = claimed,
            .faction = "russia",
            .dateFromName = "%Y%m%d_",
            .source = "ISW/CTP: Russian claims",
            .role = AreaArchive::Role::Claim});
    ASSERT_TRUE(claims) << claims.error().message;
    EXPECT_EQ(claims->count("changes"), 0);
    EXPECT_GT(claims->count("supporting evidence"), 0);
    EXPECT_GT(claims->count("disputing evidence"), 0);
    // A claim disputes control the assessment gives to the other side, or shares.
    EXPECT_EQ(scalar(db,
                  "SELECT count(*) FROM evidence e JOIN changes c ON c.num = e.change JOIN controls k ON k.num = c.control "
                  "WHERE e.stance = 1 AND k.state = 'held' AND k.factions = 'russia'"),
        0);
    EXPECT_GT(scalar(db,
                  "SELECT count(*) FROM evidence e JOIN changes c ON c.num = e.change JOIN controls k ON k.num = c.control "
                  "WHERE e.stance = 0 AND k.factions = 'russia'"),
        0);
}

TEST(AreaArchive, CollectionsPointsNullsZAndOverlapsAreHandled)
{
    TempDir dir;
    Database db = squares(dir);
    // Day 1: a clockwise polygon over a and a GeometryCollection of two overlapping polygons (with z) over b and a
    // point; a feature without geometry; a line.
    const auto archive = dir / "archive";
    std::filesystem::create_directory(archive);
    write(archive / "snap_20240101.geojson",
        collection({feature(std::format(R"({{"type":"Polygon","coordinates":{}}})", polygon(-0.1, -0.1, 1.0, 1.1, true))),
            feature(
                R"({"type":"GeometryCollection","geometries":[{"type":"Polygon","coordinates":[[[1,-0.1,0],[1.6,-0.1,0],[1.6,1.1,0],[1,1.1,0],[1,-0.1,0]]]},
                {"type":"Polygon","coordinates":[[[1.4,-0.1,0],[2.0,-0.1,0],[2.0,1.1,0],[1.4,1.1,0],[1.4,-0.1,0]]]},
                {"type":"Point","coordinates":[3.5,0.5]}]})"),
            feature("null"), feature(R"({"type":"LineString","coordinates":[[3,0],[4,1]]})")}));
    // Day 2: half of c too.
    write(archive / "snap_20240102.geojson",
        collection({feature(std::format(R"({{"type":"Polygon","coordinates":{}}})", polygon(-0.1, -0.1, 2.5, 1.1)))}));
    write(archive / "notes.txt", "not vector data");
    write(archive / "index.csv", "day,file\n2024-01-01,snap_20240101.geojson\n");
    auto summary = importAreas(db, {.paths = {archive}, .faction = "russia", .others = "ukraine", .dateFromName = "snap_%Y%m%d"});
    ASSERT_TRUE(summary) << summary.error().message;
    EXPECT_EQ(summary->count("snapshots"), 2);
    EXPECT_EQ(summary->skipped.at("features without geometry"), 1);
    EXPECT_EQ(summary->skipped.at("LineString features"), 1);
    EXPECT_EQ(summary->skipped.at("files without geometry"), 1); // the index
    const auto day1 = tally(db, Date(2024, 1, 1));
    EXPECT_EQ(day1.at("held russia"), 2); // a, and b covered by two overlapping parts
    EXPECT_EQ(day1.at("held ukraine"), 2);
    const auto day2 = tally(db, Date(2024, 1, 2));
    EXPECT_EQ(day2.at("held russia"), 2);
    EXPECT_EQ(day2.at("contested russia;ukraine"), 1);
    EXPECT_EQ(day2.at("held ukraine"), 1);
    EXPECT_EQ(scalar(db, "SELECT count(*) FROM changes"), 5); // 4 on day 1, c on day 2
}

TEST(AreaArchive, DatesFromAnAttributeInEpochMilliseconds)
{
    TempDir dir;
    Database db = squares(dir);
    // One file, two days: 2022-03-01 and 2022-04-01 00:00 UTC in milliseconds, as ISW's `datetime`.
    write(dir / "layer.geojson",
        collection({feature(std::format(R"({{"type":"Polygon","coordinates":{}}})", polygon(-0.1, -0.1, 1.0, 1.1)),
                        R"({"datetime":1646092800000})"),
            feature(std::format(R"({{"type":"Polygon","coordinates":{}}})", polygon(-0.1, -0.1, 3.0, 1.1)),
                R"({"datetime":1648771200000})")}));
    auto summary =
        importAreas(db, {.paths = {dir / "layer.geojson"}, .faction = "russia", .others = "ukraine", .dateField = "datetime"});
    ASSERT_TRUE(summary) << summary.error().message;
    EXPECT_EQ(summary->count("snapshots"), 2);
    EXPECT_EQ(tally(db, Date(2022, 3, 1)).at("held russia"), 1);
    EXPECT_EQ(tally(db, Date(2022, 4, 1)).at("held russia"), 3);
    EXPECT_EQ(tally(db, Date(2022, 2, 28)).at("unknown"), 4);
}

TEST(AreaArchive, WithoutOthersOutsideIsUnchangedAndPartlyInsideNeedsAHolder)
{
    TempDir dir;
    Database db = squares(dir);
    write(dir / "day.geojson",
        collection({feature(std::format(R"({{"type":"Polygon","coordinates":{}}})", polygon(-0.1, -0.1, 1.5, 1.1)))}));
    auto summary = importAreas(db, {.paths = {dir / "day.geojson"}, .faction = "russia", .date = Date(2024, 5, 1)});
    ASSERT_TRUE(summary) << summary.error().message;
    const auto day = tally(db, Date(2024, 5, 1));
    EXPECT_EQ(day.at("held russia"), 1);
    EXPECT_EQ(day.at("unknown"), 3); // b half inside, but no one else is known to hold it
    ASSERT_FALSE(summary->remarks.empty());
    EXPECT_NE(summary->remarks.back().find("no other holder was known (districts b)"), std::string::npos)
        << summary->remarks.back();
}

TEST(AreaArchive, BadInputIsRefusedAndChangesNothing)
{
    TempDir dir;
    Database db = squares(dir);
    const auto archive = dir / "archive";
    std::filesystem::create_directory(archive);
    write(archive / "snap_20240101.geojson",
        collection({feature(std::format(R"({{"type":"Polygon","coordinates":{}}})", polygon(-0.1, -0.1, 2.0, 1.1)))}));
    write(archive / "undated.geojson", collection({feature(R"({"type":"Point","coordinates":[0,0]})")}));
    struct Case {
        AreaArchive archive;
        std::string expected;
    };
    const std::vector<Case> cases{
        {{.paths = {archive}, .faction = "russia", .dateFromName = "snap_%Y%m%d"},
            "undated.geojson: no date in its name matching \"snap_%Y%m%d\""},
        {{.paths = {archive / "snap_20240101.geojson"}, .faction = "martians", .date = Date(2024, 1, 1)},
            "--faction: unknown faction \"martians\""},
        {{.paths = {archive / "snap_20240101.geojson"}, .faction = "russia", .others = "nobody", .date = Date(2024, 1, 1)},
            "--others: unknown faction \"nobody\""},
        {{.paths = {archive / "snap_20240101.geojson"},
             .faction = "russia",
             .date = Date(2024, 1, 1),
             .where = "nosuchfield = 1"},
            "snap_20240101.geojson: cannot filter by \"nosuchfield = 1\""},
        {{.paths = {archive / "snap_20240101.geojson"}, .faction = "russia", .date = Date(2024, 1, 1), .layer = "x"},
            "snap_20240101.geojson: no layer \"x\" (its layers: snap_20240101)"},
        {{.paths = {archive / "missing.geojson"}, .faction = "russia", .date = Date(2024, 1, 1)}, "missing.geojson"},
        {{.paths = {archive / "undated.geojson"}, .faction = "russia", .date = Date(2024, 1, 1)}, "no polygons in any file"},
    };
    for (const auto &c : cases) {
        auto result = importAreas(db, c.archive);
        ASSERT_FALSE(result) << c.expected;
        EXPECT_NE(result.error().message.find(c.expected), std::string::npos) << result.error().message;
    }
    EXPECT_EQ(scalar(db, "SELECT count(*) FROM changes"), 0);
    EXPECT_EQ(scalar(db, "SELECT count(*) FROM sources"), 0);
}

TEST(RealAreaArchive, OneArchiveGivesWhatOneRunPerFileGave)
{
    FRONTLINE_NEEDS_SHARED("data/real/ukraine");
    std::vector<std::filesystem::path> files;
    for (const auto &e : std::filesystem::directory_iterator(kUkraine / "deepstate-weekly"))
        if (e.path().extension() == ".geojson")
            files.push_back(e.path());
    std::ranges::sort(files);
    files.resize(12);
    TempDir a, b;
    Database archive = hromadas(a), perFile = hromadas(b);
    ASSERT_TRUE(importAreas(archive, deepState(files)));
    for (const auto &f : files)
        ASSERT_TRUE(importAreas(perFile, deepState({f})));
    auto each = [](const Database &db, Date day) { // district -> "held russia"
        std::map<std::string, std::string> out;
        const auto states = ControlQueries(db).stateAt(day); // kept: a range-for would not keep the Result alive
        for (const auto &s : *states)
            if (s.change)
                out[s.districtId] = std::format("{} {}", toString(s.change->state), s.change->factions.front());
        return out;
    };
    for (Date day = Date(2024, 7, 8); day <= Date(2024, 9, 30); day = day.addDays(1))
        ASSERT_EQ(each(archive, day), each(perFile, day)) << day.toString();
    EXPECT_EQ(scalar(archive, "SELECT count(*) FROM changes"), scalar(perFile, "SELECT count(*) FROM changes"));
}

TEST(RealAreaArchive, TheDailySeriesAfterTheWeeklyGivesTheDailyMap)
{
    FRONTLINE_NEEDS_SHARED("data/real/ukraine");
    TempDir dir;
    std::vector<std::filesystem::path> daily, weekly;
    for (Date day = Date(2024, 7, 8); day <= Date(2024, 8, 5); day = day.addDays(1)) {
        const auto name = std::format("data/deepstatemap_data_{:%Y%m%d}.geojson", day.days());
        daily.push_back(unpack(dir, "deepstate-daily-2024-2026.tar.xz", name.c_str()));
        if (day.daysTo(Date(2024, 7, 8)) % 7 == 0)
            weekly.push_back(daily.back());
    }
    TempDir a, b, c;
    Database both = hromadas(a), dailyOnly = hromadas(b), gaps = hromadas(c);
    ASSERT_TRUE(importAreas(both, deepState(weekly)));
    auto again = importAreas(both, deepState(daily));
    ASSERT_TRUE(again) << again.error().message;
    EXPECT_EQ(again->count("snapshots"), int(daily.size() - weekly.size()));
    ASSERT_TRUE(importAreas(dailyOnly, deepState(daily)));
    auto each = [](const Database &db, Date day) {
        std::map<std::string, std::string> out;
        const auto states = ControlQueries(db).stateAt(day); // kept: a range-for would not keep the Result alive
        for (const auto &s : *states)
            if (s.change)
                out[s.districtId] = std::format("{} {}", toString(s.change->state), s.change->factions.size());
        return out;
    };
    for (Date day = Date(2024, 7, 8); day <= Date(2024, 8, 5); day = day.addDays(1))
        ASSERT_EQ(each(both, day), each(dailyOnly, day)) << day.toString();
    // Without the weekly days among the new files, the summary says what it cannot know.
    ASSERT_TRUE(importAreas(gaps, deepState(weekly)));
    std::vector<std::filesystem::path> between;
    std::ranges::copy_if(daily, std::back_inserter(between), [&](const auto &f) { return !std::ranges::contains(weekly, f); });
    auto partial = importAreas(gaps, deepState(between));
    ASSERT_TRUE(partial) << partial.error().message;
    EXPECT_TRUE(std::ranges::any_of(partial->remarks, [](const auto &r) { return r.contains("other snapshot(s) of russia"); }));
}
