// SPDX-License-Identifier: MIT
// The snapshots of everyone's control: any day's state from the nearest snapshot and the changes since,
// the same as SQL's own answer, and rebuilt to the same after they are dropped.
#include "common/naivestate.h"
#include "core/testdb.h"
#include "import/datasetimporter.h"
#include "query/controlindex.h"
#include "query/controlqueries.h"

using namespace frontline;
using frontline::test::TempDir;

class ControlIndex : public ::testing::Test {
protected:
    void SetUp() override
    {
        auto db = Database::open(m_dir / "aleppo.db", Database::Mode::Create);
        ASSERT_TRUE(db);
        ASSERT_TRUE(importDataset(*db, test::kBundledDataset));
        m_db.emplace(std::move(*db));
        auto span = ControlQueries(*m_db).span();
        ASSERT_TRUE(span);
        m_first = span->first.dayNumber();
        m_last = span->last.dayNumber();
    }
    TempDir m_dir;
    std::optional<Database> m_db;
    int m_first = 0, m_last = 0;
};

TEST_F(ControlIndex, EveryDaysStateIsSqlsAnswer)
{
    const auto before = controlindex::stateAt(*m_db, m_first - 1);
    ASSERT_TRUE(before);
    EXPECT_EQ(*before, ControlVector(before->size())); // nothing known before the first change
    for (int day = m_first; day <= m_last + 40; ++day) { // and past the end, across a snapshot
        const auto state = controlindex::stateAt(*m_db, day);
        ASSERT_TRUE(state);
        ASSERT_EQ(*state, test::naiveStateAt(*m_db, day)) << day - m_first;
    }
}

TEST_F(ControlIndex, SlotsAndControlsDescribeTheDataset)
{
    auto slots = controlindex::districtSlots(*m_db);
    ASSERT_TRUE(slots);
    auto count = m_db->prepare("SELECT max(num) FROM districts");
    ASSERT_TRUE(count.step());
    EXPECT_EQ(*slots, std::size_t(count.integer(0)));
    auto controls = controlindex::controls(*m_db);
    ASSERT_TRUE(controls);
    EXPECT_TRUE(controls->front().factions.empty()); // entry 0: unknown
    std::size_t inferred = 0, contested = 0;
    for (std::size_t i = 1; i < controls->size(); ++i) {
        const Control &c = (*controls)[i];
        EXPECT_FALSE(c.factions.empty()) << i;
        EXPECT_TRUE(c.state != ControlState::Contested || c.factions.size() >= 2) << i;
        inferred += c.inferred ? 1 : 0;
        contested += c.state == ControlState::Contested ? 1 : 0;
    }
    EXPECT_GT(inferred, 0u); // the bundled record infers changes (al-Besel, the Old City, the last pocket)
    EXPECT_GT(contested, 0u);
}

TEST_F(ControlIndex, RebuildingDroppedSnapshotsGivesTheSameStates)
{
    std::vector<ControlVector> before;
    for (int day = m_first; day <= m_last; ++day)
        before.push_back(controlindex::stateAt(*m_db, day).value());
    auto snapshots = [&] {
        auto s = m_db->prepare("SELECT count(*) FROM control_snapshots");
        s.step();
        return s.integer(0);
    };
    const auto taken = snapshots();
    EXPECT_GT(taken, 0);
    auto writer = Database::open(m_dir / "aleppo.db", Database::Mode::ReadWrite);
    ASSERT_TRUE(writer);
    writer->exec("DELETE FROM control_snapshots");
    for (int day = m_first; day <= m_last; ++day) // without snapshots: replayed from the first change
        ASSERT_EQ(controlindex::stateAt(*writer, day).value(), before[std::size_t(day - m_first)]);
    ASSERT_TRUE(controlindex::rebuild(*writer, m_first));
    EXPECT_EQ(snapshots(), taken);
    for (int day = m_first; day <= m_last; ++day)
        ASSERT_EQ(controlindex::stateAt(*m_db, day).value(), before[std::size_t(day - m_first)]);
}

TEST_F(ControlIndex, SnapshotsEndEachBlock)
{
    EXPECT_EQ(controlindex::blockStart(0), 0);
    EXPECT_EQ(controlindex::blockStart(controlindex::kSnapshotEvery - 1), 0);
    EXPECT_EQ(controlindex::blockStart(-1), -controlindex::kSnapshotEvery);
    auto days = m_db->prepare("SELECT day FROM control_snapshots");
    while (days.step()) // a snapshot is the state after the last day of its block
        EXPECT_EQ(controlindex::blockStart(int(days.integer(0)) + 1), int(days.integer(0)) + 1);
}
