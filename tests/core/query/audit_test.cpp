// SPDX-License-Identifier: MIT
// The dataset's consistency checks, each fault made on purpose in a small dataset: a 3 x 3 grid of squares
// whose centre, e, is enclosed by the other eight.
#include "core/testdb.h"
#include "import/datasetimporter.h"
#include "import/tableimport.h"
#include "import/vectorimport.h"
#include "query/audit.h"

#include <fstream>

using namespace frontline;
using frontline::test::TempDir;

namespace {
void write(const std::filesystem::path &p, const std::string &text)
{
    std::ofstream(p, std::ios::binary) << text;
}

//! The grid, two sides, one source published `published` with an excerpt; the ring held by the army from
//! 1 March 2024, and `changes` (CSV rows) with `evidence` rows.
Database grid(
    const TempDir &dir, const std::string &changes, const std::string &evidence, const std::string &published = "2024-03-01")
{
    auto db = Database::open(dir / "a.db", Database::Mode::Create);
    EXPECT_TRUE(db);
    std::string features;
    for (int i = 0; i < 9; ++i) {
        const int x = i % 3, y = i / 3;
        features += std::format(
            R"({}{{"type":"Feature","properties":{{"id":"{}"}},"geometry":{{"type":"Polygon","coordinates":[[[{},{}],[{},{}],[{},{}],[{},{}],[{},{}]]]}}}})",
            i ? "," : "", char('a' + i), x, y, x + 1, y, x + 1, y + 1, x, y + 1, x, y);
    }
    write(dir / "grid.geojson", R"({"type":"FeatureCollection","features":[)" + features + "]}");
    EXPECT_TRUE(importDistrictFile(*db, dir / "grid.geojson", {}));
    write(dir / "factions.csv", "id,name,colour\narmy,Army,#D55E00\nrebels,Rebels,#009E73\n");
    write(dir / "sources.csv", "id,publisher,author,title,url,date\ns1,Agency,,Report,," + published + "\n");
    write(dir / "excerpts.csv", "id,source_id,kind,text\nx1,s1,quote,Fighting reported\n");
    std::string all = "id,date,district_id,state,factions,confidence,note\n";
    std::string cites = "change_id,excerpt_id,stance\n";
    for (const char d : std::string("abcdfghi")) {
        all += std::format("ring{0},2024-03-01,{0},held,army,high,\n", d);
        cites += std::format("ring{},x1,supports\n", d);
    }
    write(dir / "changes.csv", all + changes);
    write(dir / "evidence.csv", cites + evidence);
    for (auto [table, file] : {std::pair{Table::Factions, "factions.csv"}, {Table::Sources, "sources.csv"},
             {Table::Excerpts, "excerpts.csv"}, {Table::Changes, "changes.csv"}, {Table::Evidence, "evidence.csv"}}) {
        auto r = importTable(*db, table, dir / file);
        EXPECT_TRUE(r) << file << ": " << r.error().message;
    }
    return std::move(*db);
}

std::vector<std::string> checksOf(const Database &db, AuditOptions options = {})
{
    auto findings = audit(db, options);
    EXPECT_TRUE(findings) << findings.error().message;
    std::vector<std::string> out;
    for (const auto &f : *findings)
        out.push_back(std::format("{} {} {} {}", f.severity == AuditFinding::Severity::Error ? "error" : "warning", f.check,
            f.districtId, f.date.toString()));
    return out;
}
} // namespace

TEST(Audit, ACleanDatasetHasNoFindings)
{
    TempDir dir;
    // e rebel-held, then taken within the week the ring closed, on the agency's word.
    const Database db =
        grid(dir, "e1,2024-03-01,e,held,rebels,high,\ne2,2024-03-05,e,held,army,high,\n", "e1,x1,supports\ne2,x1,supports\n");
    EXPECT_EQ(checksOf(db), std::vector<std::string>{});
}

TEST(Audit, FindsEachKindOfFault)
{
    TempDir dir;
    const Database db = grid(dir,
        "e1,2024-03-01,e,held,rebels,high,\n"
        "e2,2024-03-20,e,contested,army;rebels,low,\n" // on no one's word
        "e3,2024-03-20,e,held,rebels,low,\n" // and back the same day, disputed only
        "e4,2024-04-20,e,held,army,high,\n",
        "e1,x1,supports\ne3,x1,disputes\ne4,x1,supports\n", "2024-03-01");
    const auto found = checksOf(db);
    const std::vector<std::string> expected{
        "warning stale enclosed e 2024-03-09", // ring closed 1 Mar, still rebel-held with no report after a week
        "error no evidence e 2024-03-20", "error only disputed e 2024-03-20", "error flip-flop e 2024-03-20",
        "warning stale enclosed e 2024-03-28", // and again after the unsourced change of 20 Mar
    };
    EXPECT_EQ(found, expected);
    // A source published long after the change it supports is flagged, not an error.
    TempDir later;
    const Database late = grid(later, "e1,2024-03-01,e,held,army,high,\n", "e1,x1,supports\n", "2024-05-15");
    const auto lateFound = checksOf(late);
    ASSERT_FALSE(lateFound.empty());
    EXPECT_EQ(lateFound.front(), "warning late source a 2024-03-01");
    EXPECT_EQ(std::ranges::count_if(lateFound, [](const auto &f) { return f.starts_with("error"); }), 0);
    EXPECT_EQ(checksOf(late, {.enclosedDays = 7, .lateDays = 90}), std::vector<std::string>{});
}
