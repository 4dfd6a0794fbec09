// SPDX-License-Identifier: MIT
#include "common/naivestate.h"
#include "core/testdb.h"
#include "generate/generator.h"
#include "import/tableimport.h"
#include "query/controlcursor.h"
#include "query/controlqueries.h"
#include "query/frontlineindex.h"

#include <algorithm>
#include <format>
#include <fstream>
#include <map>

using namespace frontline;

namespace {
constexpr Date kStart{2014, 1, 1};

//! A small generated war, fresh for each test.
class ControlCursorTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        auto db = Database::open(m_dir / "war.db", Database::Mode::Create);
        ASSERT_TRUE(db);
        m_db.emplace(std::move(*db));
        GeneratorOptions o;
        o.districts = 300;
        o.days = 150;
        o.changes = 6000;
        o.factions = 4;
        o.seed = 7;
        ASSERT_TRUE(generateDataset(*m_db, o));
    }
    [[nodiscard]] int first() const { return kStart.dayNumber(); }
    [[nodiscard]] int last() const { return kStart.dayNumber() + 149; }

    test::TempDir m_dir;
    std::optional<Database> m_db;
};

std::string dump(const Database &db)
{
    std::string out;
    auto s = db.prepare("SELECT id || day || district_id || state || confidence || factions FROM change_list ORDER BY num");
    while (s.step())
        out += s.text(0) + '\n';
    auto e = db.prepare("SELECT change_id || excerpt_id || stance FROM evidence_list ORDER BY change_num, excerpt_id");
    while (e.step())
        out += e.text(0) + '\n';
    return out;
}
} // namespace

TEST_F(ControlCursorTest, SteppingForwardAndBackMatchesSqlEveryDay)
{
    ControlCursor cursor = ControlCursor::open(*m_db, first() - 3).value();
    EXPECT_EQ(cursor.controls(), ControlVector(300)); // nothing known before the war
    for (int day = first() - 2; day <= last() + 3; ++day) {
        ASSERT_TRUE(cursor.step());
        ASSERT_EQ(cursor.day(), day);
        ASSERT_EQ(cursor.controls(), test::naiveStateAt(*m_db, day)) << "forward to day " << day - first();
    }
    for (int day = last() + 2; day >= first() - 3; --day) {
        ASSERT_TRUE(cursor.step(-1));
        ASSERT_EQ(cursor.controls(), test::naiveStateAt(*m_db, day)) << "back to day " << day - first();
    }
}

TEST_F(ControlCursorTest, SeeksAndStateFromSnapshotsMatchSql)
{
    ControlCursor cursor = ControlCursor::open(*m_db, first()).value();
    for (int day : {last(), first() + 40, first() + 31, first() + 32, first() + 1, last() + 100, first() - 100, first() + 77}) {
        ASSERT_TRUE(cursor.seek(day));
        const auto expected = test::naiveStateAt(*m_db, day);
        EXPECT_EQ(cursor.controls(), expected) << day - first();
        EXPECT_EQ(controlindex::stateAt(*m_db, day).value(), expected) << day - first();
    }
}

TEST_F(ControlCursorTest, TouchedListsEveryDistrictThatChanged)
{
    ControlCursor cursor = ControlCursor::open(*m_db, first() + 10).value();
    for (int step : {1, 1, 5, -3, -1, 20}) {
        const ControlVector before = cursor.controls();
        ASSERT_TRUE(cursor.step(step));
        for (std::uint32_t i = 0; i < before.size(); ++i)
            if (before[i] != cursor.controls()[i]) {
                EXPECT_TRUE(std::ranges::contains(cursor.touched(), i)) << "district " << i + 1 << " step " << step;
            }
    }
}

TEST_F(ControlCursorTest, AnImportIntoThePastRebuildsTheSnapshots)
{
    const Date early = kStart.addDays(5);
    {
        std::ofstream csv(m_dir / "late-news.csv");
        csv << "id,date,district_id,state,factions,confidence\n";
        for (int d = 1; d <= 300; d += 7)
            csv << std::format("n{},{},d{},held,f1,high\n", d, early.toString(), d);
    }
    ASSERT_TRUE(importTable(*m_db, Table::Changes, m_dir / "late-news.csv"));
    ControlCursor cursor = ControlCursor::open(*m_db, first()).value();
    for (int day = first(); day <= last(); day += 9) {
        ASSERT_TRUE(cursor.seek(day));
        EXPECT_EQ(cursor.controls(), test::naiveStateAt(*m_db, day)) << day - first();
    }
}

TEST_F(ControlCursorTest, ALargeImportWithARepeatedIdNamesItsLineAndChangesNothing)
{
    auto count = [&] {
        auto s = m_db->prepare("SELECT count(*), (SELECT count(*) FROM sqlite_master WHERE tbl_name = 'changes') FROM changes");
        s.step();
        return std::pair(s.integer(0), s.integer(1));
    };
    const auto before = count();
    {
        std::ofstream csv(m_dir / "bulk.csv"); // large enough to load with the change indexes off
        csv << "id,date,district_id,state,factions,confidence\n";
        for (int i = 0; i < 30'000; ++i)
            csv << std::format(
                "b{},{},d{},held,f2,medium\n", i == 20'000 ? 5 : i, kStart.addDays(i % 150).toString(), 1 + i % 300);
    }
    auto result = importTable(*m_db, Table::Changes, m_dir / "bulk.csv");
    ASSERT_FALSE(result);
    EXPECT_NE(result.error().message.find("bulk.csv:20002: change id \"b5\" repeats"), std::string::npos)
        << result.error().message;
    EXPECT_EQ(count(), before); // the rows and the indexes
}

TEST_F(ControlCursorTest, ABadRowDeepInALargeFileIsNamedByItsLine)
{
    // Rows are parsed ahead in batches of thousands: errors found by the parser and by the importer must
    // both name the right line, however deep.
    for (const auto &[bad, message] :
        {std::pair<std::string, std::string>{"\xff\xfe", "bulk.csv:9002: column \"district_id\" is not valid UTF-8"},
            {"d9999", "bulk.csv:9002: unknown district \"d9999\""}}) {
        {
            std::ofstream csv(m_dir / "bulk.csv");
            csv << "id,date,district_id,state,factions,confidence\n";
            for (int i = 0; i < 12'000; ++i)
                csv << std::format("b{},{},{},held,f2,medium\n", i, kStart.addDays(i % 150).toString(),
                    i == 9'000 ? bad : std::format("d{}", 1 + i % 300));
        }
        auto result = importTable(*m_db, Table::Changes, m_dir / "bulk.csv");
        ASSERT_FALSE(result);
        EXPECT_NE(result.error().message.find(message), std::string::npos) << result.error().message;
    }
}

TEST_F(ControlCursorTest, FrontLineSeparatesEnemiesOnly)
{
    const auto controls = controlindex::controls(*m_db).value();
    const auto state = controlindex::stateAt(*m_db, first() + 60).value();
    const FrontLineIndex index = FrontLineIndex::load(*m_db).value();
    auto pairs = m_db->prepare("SELECT da.num, db.num FROM adjacency j JOIN districts da ON da.id = j.a "
                               "JOIN districts db ON db.id = j.b");
    int opposed = 0;
    while (pairs.step()) {
        const auto &a = controls[state[std::size_t(pairs.integer(0) - 1)]].factions;
        const auto &b = controls[state[std::size_t(pairs.integer(1) - 1)]].factions;
        opposed += std::ranges::none_of(a, [&](const auto &f) { return std::ranges::contains(b, f); }) ? 1 : 0;
    }
    EXPECT_GT(opposed, 10);
    EXPECT_EQ(int(index.lines(state).size()), opposed); // Voronoi neighbours share one straight edge
}

TEST(Generator, SameSeedSameWarOtherSeedOtherWar)
{
    test::TempDir dir;
    auto make = [&](const std::string &name, std::uint64_t seed) {
        auto db = Database::open(dir / name, Database::Mode::Create);
        EXPECT_TRUE(db);
        GeneratorOptions o;
        o.districts = 120;
        o.days = 40;
        o.changes = 1000;
        o.seed = seed;
        EXPECT_TRUE(generateDataset(*db, o));
        return dump(*db);
    };
    const auto a = make("a.db", 3), b = make("b.db", 3), c = make("c.db", 4);
    EXPECT_EQ(a, b);
    EXPECT_NE(a, c);
    EXPECT_GE(std::ranges::count(a, '\n'), 1000);
}

TEST(Generator, CountsAreExactAndChangesClusterAlongFronts)
{
    test::TempDir dir;
    auto db = Database::open(dir / "w.db", Database::Mode::Create);
    ASSERT_TRUE(db);
    GeneratorOptions o;
    o.districts = 500;
    o.days = 60;
    o.changes = 5000;
    ASSERT_TRUE(generateDataset(*db, o));
    auto counts = db->prepare("SELECT (SELECT count(*) FROM changes), (SELECT count(*) FROM districts), "
                              "(SELECT count(DISTINCT day) FROM changes), (SELECT count(*) FROM evidence)");
    ASSERT_TRUE(counts.step());
    EXPECT_EQ(counts.integer(0), 5000);
    EXPECT_EQ(counts.integer(1), 500);
    EXPECT_EQ(counts.integer(2), 60);
    EXPECT_GT(counts.integer(3), 5000);
    // After the first day, most changes touch a district next to one that changed the day before or the same day.
    auto near = db->prepare("SELECT avg(EXISTS (SELECT 1 FROM changes p JOIN districts dp ON dp.num = p.district JOIN districts "
                            "dc ON dc.num = c.district "
                            "JOIN adjacency j ON (j.a = dp.id AND j.b = dc.id) OR (j.a = dc.id AND j.b = dp.id) "
                            "WHERE p.day BETWEEN c.day - 1 AND c.day AND p.num < c.num)) FROM changes c WHERE c.day > ?");
    near.bindAll(o.start.dayNumber());
    ASSERT_TRUE(near.step());
    EXPECT_GT(near.real(0), 0.7);
    // A district changes hands at most once a day, as in the reports a dataset is built from.
    auto repeats = db->prepare("SELECT count(*) FROM (SELECT 1 FROM changes GROUP BY district, day HAVING count(*) > 1)");
    ASSERT_TRUE(repeats.step());
    EXPECT_EQ(repeats.integer(0), 0);
}

TEST(Generator, RefusesBadOptionsAndFullDatabases)
{
    test::TempDir dir;
    auto db = Database::open(dir / "w.db", Database::Mode::Create);
    ASSERT_TRUE(db);
    GeneratorOptions o;
    o.districts = 50;
    o.days = 10;
    o.changes = 20;
    auto refused = generateDataset(*db, o);
    ASSERT_FALSE(refused);
    EXPECT_NE(refused.error().message.find("--changes"), std::string::npos);
    o.changes = 200;
    ASSERT_TRUE(generateDataset(*db, o));
    refused = generateDataset(*db, o);
    ASSERT_FALSE(refused);
    EXPECT_NE(refused.error().message.find("not empty"), std::string::npos);
}

TEST_F(ControlCursorTest, ChangesOnOneDayKeepTheirFileOrderHoweverTheFileIsOrdered)
{
    // Days out of order, and districts changing hands twice on one day: the later line must win.
    std::map<std::pair<int, int>, std::string> lastHolder; // (day, district) -> faction of its last line
    {
        std::ofstream csv(m_dir / "twice.csv");
        csv << "id,date,district_id,state,factions,confidence\n";
        for (int i = 0; i < 90'000; ++i) {
            const int day = (i * 37) % 150, district = 1 + (i * 13) % 300;
            const std::string faction = std::format("f{}", 1 + (i / 7) % 4);
            csv << std::format("t{},{},d{},held,{},high\n", i, kStart.addDays(day).toString(), district, faction);
            lastHolder[{day, district}] = faction;
        }
    }
    ASSERT_TRUE(importTable(*m_db, Table::Changes, m_dir / "twice.csv"));
    auto holderOn = m_db->prepare("SELECT k.factions FROM changes c JOIN controls k ON k.num = c.control "
                                  "WHERE c.day = ? AND c.district = ? ORDER BY c.num DESC LIMIT 1");
    for (const auto &[key, faction] : lastHolder) {
        holderOn.bindAll(kStart.addDays(key.first).dayNumber(), key.second);
        ASSERT_TRUE(holderOn.step());
        EXPECT_EQ(holderOn.text(0), faction) << "day " << key.first << ", district d" << key.second;
    }
    ControlCursor cursor = ControlCursor::open(*m_db, first()).value();
    for (int day = first(); day <= last(); day += 11) {
        ASSERT_TRUE(cursor.seek(day));
        EXPECT_EQ(cursor.controls(), test::naiveStateAt(*m_db, day)) << day - first();
    }
}

TEST_F(ControlCursorTest, ARepeatedIdIsNamedByTheLineThatRepeatsIt)
{
    auto write = [&](const std::string &name, const std::string &prefix, int rows, const std::string &atRow9000) {
        std::ofstream csv(m_dir / name);
        csv << "id,date,district_id,state,factions,confidence\n";
        for (int i = 0; i < rows; ++i) // days out of order: changes are stored in day order, not file order
            csv << std::format("{},{},d{},held,f3,low\n", i == 9'000 ? atRow9000 : std::format("{}{}", prefix, i),
                kStart.addDays((i * 61) % 150).toString(), 1 + i % 300);
    };
    write("first.csv", "old", 10, "");
    ASSERT_TRUE(importTable(*m_db, Table::Changes, m_dir / "first.csv"));
    // A stored id is named where the file first uses it; one the file uses twice, where it uses it again.
    for (const auto &[repeated, line] : {std::pair<std::string, int>{"old5", 9002}, {"new9100", 9102}}) {
        write("again.csv", "new", 12'000, repeated);
        auto result = importTable(*m_db, Table::Changes, m_dir / "again.csv");
        ASSERT_FALSE(result);
        EXPECT_NE(
            result.error().message.find(std::format("again.csv:{}: change id \"{}\" repeats", line, repeated)), std::string::npos)
            << result.error().message;
    }
}

TEST_F(ControlCursorTest, ALargeImportInDateOrderKeepsEveryIndexWhole)
{
    {
        std::ofstream csv(m_dir / "ordered.csv"); // in date order, as most files are
        csv << "id,date,district_id,state,factions,confidence\n";
        for (int i = 0; i < 60'000; ++i)
            csv << std::format("o{},{},d{},held,f{},high\n", i, kStart.addDays(i / 400).toString(), 1 + (i * 7) % 300, 1 + i % 4);
    }
    ASSERT_TRUE(importTable(*m_db, Table::Changes, m_dir / "ordered.csv"));
    auto check = m_db->prepare("PRAGMA integrity_check");
    ASSERT_TRUE(check.step());
    EXPECT_EQ(check.text(0), "ok");
    ControlCursor cursor = ControlCursor::open(*m_db, first()).value();
    for (int day = first(); day <= last(); ++day) {
        ASSERT_EQ(cursor.controls(), test::naiveStateAt(*m_db, day)) << day - first();
        ASSERT_TRUE(cursor.step());
    }
}
