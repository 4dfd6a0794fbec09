// SPDX-License-Identifier: MIT
// The daily totals behind the territory chart and `stats`: every day's districts and area per holder, counted
// in one pass over the changes, equal to what SQL says of that day district by district.
#include "common/naivestate.h"
#include "core/testdb.h"
#include "geometry/area.h"
#include "import/datasetimporter.h"
#include "query/controlqueries.h"
#include "query/statistics.h"

#include <map>

using namespace frontline;
using frontline::test::TempDir;

namespace {

struct Tally {
    int districts = 0;
    double areaKm2 = 0;
};

//! One day's totals the slow way: each district's control by SQL, its area from its own polygon.
std::map<std::string, Tally> naiveTotals(const Database &db, const std::vector<Control> &controls, int day)
{
    const ControlVector state = test::naiveStateAt(db, day);
    std::map<std::string, Tally> out;
    auto districts = db.prepare("SELECT num, geometry FROM districts");
    while (districts.step()) {
        const std::uint16_t control = state[std::size_t(districts.integer(0) - 1)];
        if (control == 0)
            continue;
        const Control &c = controls[control];
        Tally &tally = out[c.state == ControlState::Contested ? "contested" : c.factions.front()];
        ++tally.districts;
        tally.areaKm2 += areaKm2(districts.blob(1));
    }
    return out;
}

} // namespace

TEST(Statistics, EveryDaysTotalsAreSqlsAnswer)
{
    TempDir dir;
    auto db = Database::open(dir / "aleppo.db", Database::Mode::Create);
    ASSERT_TRUE(db);
    ASSERT_TRUE(importDataset(*db, test::kBundledDataset));
    const auto totals = dailyTotals(*db);
    ASSERT_TRUE(totals) << totals.error().message;
    const auto controls = controlindex::controls(*db);
    ASSERT_TRUE(controls);
    const auto span = ControlQueries(*db).span();
    ASSERT_TRUE(span);

    std::vector<std::string> holders;
    for (auto factions = db->prepare("SELECT id FROM factions ORDER BY rowid"); factions.step();)
        holders.push_back(factions.text(0));
    holders.emplace_back("contested");
    const auto days = std::size_t(span->first.daysTo(span->last)) + 1;
    ASSERT_EQ(totals->size(), days * holders.size()); // every day from the first change to the end, every holder

    for (std::size_t row = 0; row < totals->size(); ++row) {
        const HolderTotal &total = (*totals)[row];
        ASSERT_EQ(total.date, span->first.addDays(int(row / holders.size())));
        ASSERT_EQ(total.holder, holders[row % holders.size()]); // faction order, then "contested"
        const auto expected = naiveTotals(*db, *controls, total.date.dayNumber());
        const auto it = expected.find(total.holder);
        const Tally tally = it == expected.end() ? Tally{} : it->second;
        ASSERT_EQ(total.districts, tally.districts) << total.date.toString() << ' ' << total.holder;
        ASSERT_NEAR(total.areaKm2, tally.areaKm2, 1e-9 * std::max(1.0, tally.areaKm2)) << total.date.toString();
    }
    // The record's end: the rebels hold nothing of east Aleppo, the government most of it.
    const auto onLastDay = [&](const std::string &holder) {
        return std::ranges::find_if(*totals, [&](const HolderTotal &t) { return t.date == span->last && t.holder == holder; });
    };
    EXPECT_EQ(onLastDay("rebels")->districts, 0);
    EXPECT_GT(onLastDay("government")->districts, onLastDay("kurdish_ypg")->districts);
}

TEST(Statistics, NoChangesNoDays)
{
    TempDir dir;
    auto db = Database::open(dir / "empty.db", Database::Mode::Create);
    ASSERT_TRUE(db);
    const auto totals = dailyTotals(*db);
    ASSERT_TRUE(totals) << totals.error().message;
    EXPECT_TRUE(totals->empty());
}

TEST(Statistics, AnUnreadableStoreIsAnError)
{
    TempDir dir;
    auto db = Database::open(dir / "aleppo.db", Database::Mode::Create);
    ASSERT_TRUE(db);
    ASSERT_TRUE(importDataset(*db, test::kBundledDataset));
    db->exec("DROP TABLE control_snapshots");
    const auto totals = dailyTotals(*db);
    ASSERT_FALSE(totals);
    EXPECT_TRUE(totals.error().message.starts_with("database error: ")) << totals.error().message;
}
