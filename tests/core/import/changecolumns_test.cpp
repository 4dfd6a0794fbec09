// SPDX-License-Identifier: MIT
// A change table from a spreadsheet: no ids, columns named in words, holders by name, "|" or ";" between them.
#include "core/testdb.h"
#include "import/datasetimporter.h"
#include "import/tableimport.h"
#include "query/controlqueries.h"

#include <fstream>
#include <sstream>

using namespace frontline;
using frontline::test::TempDir;

namespace {
std::filesystem::path bundled(const TempDir &dir)
{
    auto db = Database::open(dir / "a.db", Database::Mode::Create);
    EXPECT_TRUE(db && importDataset(*db, test::kBundledDataset));
    return dir / "a.db";
}

std::filesystem::path write(const TempDir &dir, const std::string &name, const std::string &content)
{
    std::ofstream(dir / name, std::ios::binary) << content;
    return dir / name;
}

std::string bytes(const std::filesystem::path &file)
{
    std::ostringstream out;
    out << std::ifstream(file, std::ios::binary).rdbuf();
    return out.str();
}

//! Who holds a district on a day, as `frontline state` prints it: "held:government" or "contested:a;b".
std::string holderOn(const Database &db, const std::string &districtId, Date date)
{
    auto states = ControlQueries(db).stateAt(date);
    for (const auto &s : *states)
        if (s.districtId == districtId && s.change) {
            std::string out = std::string(toString(s.change->state)) + ':';
            for (std::size_t i = 0; i < s.change->factions.size(); ++i)
                out += (i ? ";" : "") + s.change->factions[i];
            return out;
        }
    return "none";
}

std::string changeIdOn(const Database &db, const std::string &districtId, const std::string &day)
{
    auto s = db.prepare("SELECT id FROM change_list WHERE district_id = ? AND day = ?");
    s.bindAll(districtId, day);
    return s.step() ? s.text(0) : std::string();
}
} // namespace

TEST(ChangeColumns, ASpreadsheetTableWithoutIdsImportsWithStableIdsAndHoldersByName)
{
    TempDir dir;
    auto db = Database::open(bundled(dir), Database::Mode::ReadWrite);
    const auto csv = write(dir, "mine.csv",
        "Date,District,Holders,Notes\n"
        "2016-12-23,Hanano,Rebels,retaken (invented)\n"
        "2016-12-23,as-Sakhour,Government | rebels,\n"
        "2016-12-24,65,government,\n");
    auto summary = importTable(*db, Table::Changes, csv);
    ASSERT_TRUE(summary) << summary.error().message;
    EXPECT_EQ(summary->count("changes"), 3);
    EXPECT_EQ(holderOn(*db, "65", Date(2016, 12, 23)), "held:rebels");
    EXPECT_EQ(holderOn(*db, "29b", Date(2016, 12, 23)), "contested:government;rebels");
    EXPECT_EQ(holderOn(*db, "65", Date(2016, 12, 24)), "held:government");
    // Ids are the district's id and the day, whatever name the row used.
    EXPECT_EQ(changeIdOn(*db, "65", "2016-12-23"), "65@2016-12-23");
    EXPECT_EQ(changeIdOn(*db, "29b", "2016-12-23"), "29b@2016-12-23");
    auto confidence = db->prepare("SELECT confidence, note FROM change_list WHERE id = '65@2016-12-23'");
    ASSERT_TRUE(confidence.step());
    EXPECT_EQ(confidence.text(0), "medium");
    EXPECT_EQ(confidence.text(1), "retaken (invented)");
}

TEST(ChangeColumns, UsualNamesInAnyCaseAndSemicolonSeparatedFiles)
{
    TempDir dir;
    auto db = Database::open(bundled(dir), Database::Mode::ReadWrite);
    const auto csv = write(dir, "semi.csv",
        "day;district_id;Status;Controlled By;confidence\n"
        "2016-12-23;65;Contested;rebels|kurdish_ypg;LOW\n");
    auto summary = importTable(*db, Table::Changes, csv);
    ASSERT_TRUE(summary) << summary.error().message;
    EXPECT_EQ(holderOn(*db, "65", Date(2016, 12, 23)), "contested:rebels;kurdish_ypg");
}

TEST(ChangeColumns, ColumnsNamedByTheUserWin)
{
    TempDir dir;
    auto db = Database::open(bundled(dir), Database::Mode::ReadWrite);
    const auto csv = write(dir, "named.csv",
        "When,Where,Who,Ref,district\n"
        "2016-12-23,Hanano,rebels,r1,not a district\n");
    auto summary =
        importTable(*db, Table::Changes, csv, {{"date", "When"}, {"district", "Where"}, {"factions", "Who"}, {"id", "Ref"}});
    ASSERT_TRUE(summary) << summary.error().message;
    EXPECT_EQ(changeIdOn(*db, "65", "2016-12-23"), "r1");
}

struct BadTable {
    std::string content;
    ColumnNames columns;
    std::string expected;
};

void PrintTo(const BadTable &t, std::ostream *out)
{
    *out << t.expected;
}

class ChangeColumnsBadInput : public ::testing::TestWithParam<BadTable> { };

TEST_P(ChangeColumnsBadInput, IsRefusedByLineAndLeavesTheFileByteIdentical)
{
    TempDir dir;
    const auto file = bundled(dir);
    const auto csv = write(dir, "bad.csv", GetParam().content);
    const std::string before = bytes(file);
    {
        auto db = Database::open(file, Database::Mode::ReadWrite);
        auto result = importTable(*db, Table::Changes, csv, GetParam().columns);
        ASSERT_FALSE(result);
        EXPECT_NE(result.error().message.find(GetParam().expected), std::string::npos) << result.error().message;
    }
    std::filesystem::remove(dir / "a.db-wal"); // closed: the log was checkpointed, as every close does
    EXPECT_EQ(bytes(file), before);
}

INSTANTIATE_TEST_SUITE_P(Cases, ChangeColumnsBadInput,
    ::testing::Values(BadTable{"Date,District,Holder\n2016-12-23,Hanano,rebels\n2016-12-23,65,government\n", {},
                          "bad.csv:3: change id \"65@2016-12-23\" repeats an earlier change (a district changes at most "
                          "once a day)"},
        BadTable{"Date,District,Holder\n2016-12-23,Hanano,rebels\n2016-12-24,Hanano,martians\n", {},
            "bad.csv:3: unknown faction \"martians\""},
        BadTable{"Date,District,Holder\n2016-12-23,Hanano,rebels|government|\n2016-12-24,Hanano,held\n", {},
            "bad.csv:3: unknown faction \"held\""},
        BadTable{"Date,District,Holder,State\n2016-12-23,Hanano,rebels|government,held\n", {},
            "bad.csv:2: a held district has exactly one faction, got 2"},
        BadTable{"Date,District,Holder\n2016-12-23,Hanano,rebels\n", {{"date", "When"}},
            "bad.csv:1: no column \"When\" (named by --date-field)"},
        BadTable{"Date,Place name,Holder\n2016-12-23,Hanano,rebels\n", {},
            "bad.csv:1: missing column \"district_id\" (also read as \"district_id\", \"district\""}),
    [](const auto &info) { return "case" + std::to_string(info.index); });
