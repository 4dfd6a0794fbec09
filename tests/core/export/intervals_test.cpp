// SPDX-License-Identifier: MIT
// The control intervals the exporters write: one per district and unchanged control, end to end in time.
#include "core/testdb.h"
#include "export/intervals.h"
#include "import/datasetimporter.h"
#include "query/controlqueries.h"

#include <map>

using namespace frontline;
using frontline::test::TempDir;

TEST(Intervals, FollowEachOtherWithoutGapsToTheDayAfterTheEnd)
{
    TempDir dir;
    auto db = Database::open(dir / "aleppo.db", Database::Mode::Create);
    ASSERT_TRUE(db);
    ASSERT_TRUE(importDataset(*db, test::kBundledDataset));
    const auto span = ControlQueries(*db).span().value();
    const auto all = exporting::intervals(*db);
    ASSERT_FALSE(all.empty());
    std::map<std::string, std::vector<const exporting::Interval *>> byDistrict;
    for (std::size_t i = 0; i < all.size(); ++i) {
        if (i > 0 && all[i].districtId == all[i - 1].districtId) {
            EXPECT_EQ(all[i].start, all[i - 1].end) << all[i].districtId; // in date order, no gap, no overlap
        }
        EXPECT_LT(all[i].start, all[i].end) << all[i].districtId;
        EXPECT_FALSE(all[i].factions.empty());
        byDistrict[all[i].districtId].push_back(&all[i]);
    }
    EXPECT_EQ(byDistrict.size(), 133u);
    for (const auto &[id, intervals] : byDistrict) {
        EXPECT_EQ(intervals.back()->end, span.last.addDays(1)) << id;
        for (std::size_t i = 1; i < intervals.size(); ++i) // a new interval is a new control, not a restatement
            EXPECT_TRUE(intervals[i]->state != intervals[i - 1]->state || intervals[i]->factions != intervals[i - 1]->factions
                || intervals[i]->confidence != intervals[i - 1]->confidence
                || intervals[i]->inferred != intervals[i - 1]->inferred)
                << id;
    }
}

TEST(Intervals, AnInferredHoldCarriesItsBasis)
{
    TempDir dir;
    auto db = Database::open(dir / "aleppo.db", Database::Mode::Create);
    ASSERT_TRUE(db);
    ASSERT_TRUE(importDataset(*db, test::kBundledDataset));
    const auto all = exporting::intervals(*db);
    const auto besel = std::ranges::find_if(all, [](const auto &i) { return i.districtId == "15" && i.inferred; });
    ASSERT_NE(besel, all.end());
    EXPECT_EQ(besel->start, Date(2016, 12, 3));
    EXPECT_EQ(besel->factions, std::vector<std::string>{"government"});
    EXPECT_TRUE(besel->basis.starts_with("SOHR (2016-12-03)")) << besel->basis;
    const auto reported = std::ranges::find_if(all, [](const auto &i) { return i.districtId == "65" && !i.inferred; });
    ASSERT_NE(reported, all.end());
    EXPECT_TRUE(reported->basis.empty());
    EXPECT_GT(reported->sources, 0);
}
