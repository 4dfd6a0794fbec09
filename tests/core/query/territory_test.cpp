// SPDX-License-Identifier: MIT
#include "common/naivestate.h"
#include "core/testdb.h"
#include "generate/generator.h"
#include "geometry/area.h"
#include "query/controlqueries.h"
#include "query/territory.h"

#include <map>

using namespace frontline;

namespace {
constexpr Date kStart{2014, 1, 1};
constexpr int kDays = 120;

//! A small generated war, and its districts with geometry, fresh for each test.
class TerritoryTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        auto db = Database::open(m_dir / "war.db", Database::Mode::Create);
        ASSERT_TRUE(db);
        m_db.emplace(std::move(*db));
        GeneratorOptions o;
        o.districts = 200;
        o.days = kDays;
        o.changes = 4000;
        o.factions = 3;
        o.seed = 11;
        ASSERT_TRUE(generateDataset(*m_db, o));
        m_districts = ControlQueries(*m_db).districts(true).value();
    }
    [[nodiscard]] static int first() { return kStart.dayNumber(); }

    test::TempDir m_dir;
    std::optional<Database> m_db;
    std::vector<District> m_districts;
};

//! The districts and area each holder has in `state`, counted from scratch.
std::map<std::string, std::pair<int, double>> counted(
    const ControlVector &state, const std::vector<Control> &controls, const std::vector<District> &districts)
{
    std::map<std::string, std::pair<int, double>> out;
    for (const auto &d : districts) {
        const Control &c = controls[state[std::size_t(d.number - 1)]];
        if (state[std::size_t(d.number - 1)] == 0)
            continue;
        auto &[n, area] = out[c.state == ControlState::Contested ? "contested" : c.factions.front()];
        ++n;
        area += areaKm2(d.parts);
    }
    return out;
}
} // namespace

TEST_F(TerritoryTest, HoldersCountWhatTheStateHoldsOnEveryDayForwardAndBack)
{
    Territory territory = Territory::open(*m_db, m_districts, first(), Territory::Lines::Untraced).value();
    const auto &controls = territory.controlTable();
    auto check = [&](int day) {
        const auto expected = counted(test::naiveStateAt(*m_db, day), controls, m_districts);
        for (const auto &holder : territory.holders()) {
            const auto it = expected.find(holder.id);
            const auto [n, area] = it == expected.end() ? std::pair<int, double>{} : it->second;
            EXPECT_EQ(holder.districts, n) << holder.id << " on day " << day;
            EXPECT_NEAR(holder.areaKm2, area, 1e-6 * std::max(1.0, area)) << holder.id << " on day " << day;
        }
        for (const auto &[id, _] : expected)
            EXPECT_EQ(territory.holder(id).id, id);
    };
    for (int day = first(); day < first() + kDays; day += 1 + day % 3) {
        ASSERT_TRUE(territory.moveTo(day));
        check(day);
    }
    ASSERT_TRUE(territory.moveTo(first() + 5)); // a seek back across snapshots
    check(first() + 5);
    EXPECT_EQ(territory.holders().back().id, "contested");
}

TEST_F(TerritoryTest, ChangedHandsTodayIsAChangeOfStateOrSidesNotARestatedHold)
{
    Territory territory = Territory::open(*m_db, m_districts, first(), Territory::Lines::Untraced).value();
    EXPECT_EQ(std::ranges::count(territory.changedHandsToday(true), true), 0); // the first day is the initial state
    const auto &controls = territory.controlTable();
    int changedSomewhere = 0;
    for (int day = first() + 1; day < first() + 40; ++day) {
        const ControlVector before = test::naiveStateAt(*m_db, day - 1);
        ASSERT_TRUE(territory.moveTo(day));
        const ControlVector &after = territory.controls();
        const std::vector<bool> changed = territory.changedHandsToday(false);
        for (std::size_t slot = 0; slot < after.size(); ++slot) {
            const std::uint16_t a = before[slot], b = after[slot];
            const bool expected =
                a != b && (a == 0 || controls[a].state != controls[b].state || controls[a].factions != controls[b].factions);
            EXPECT_EQ(changed[slot], expected) << "slot " << slot << " on day " << day;
            changedSomewhere += expected ? 1 : 0;
        }
    }
    EXPECT_GT(changedSomewhere, 20);
    EXPECT_FALSE(territory.changedHands(3, 3));
    EXPECT_TRUE(territory.changedHands(0, 1));
}

TEST_F(TerritoryTest, FrontLineAndOppositionAreTheIndexsForTheSameDay)
{
    Territory traced = Territory::open(*m_db, m_districts, first() + 60, Territory::Lines::Traced).value();
    Territory untraced = Territory::open(*m_db, m_districts, first() + 60, Territory::Lines::Untraced).value();
    const FrontLineIndex index = FrontLineIndex::load(*m_db).value();
    const ControlVector state = test::naiveStateAt(*m_db, first() + 60);
    EXPECT_EQ(traced.controls(), state);
    EXPECT_EQ(traced.frontLine().size(), index.lines(state).size());
    EXPECT_GT(traced.frontLine().size(), 5u);
    EXPECT_TRUE(untraced.frontLine().empty());
    for (std::uint16_t a = 0; a < traced.controlCount(); ++a)
        for (std::uint16_t b = 0; b < traced.controlCount(); ++b) {
            EXPECT_EQ(traced.opposed(a, b), index.opposed(a, b));
            EXPECT_EQ(untraced.opposed(a, b), index.opposed(a, b));
        }
}
