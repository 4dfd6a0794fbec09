// SPDX-License-Identifier: MIT
#include "core/testdb.h"
#include "geometry/hittest.h"
#include "import/datasetimporter.h"
#include "query/controlqueries.h"
#include "query/statistics.h"

#include <algorithm>
#include <map>

using namespace frontline;

namespace {
//! The bundled dataset, imported once for all query tests.
class ControlQueriesTest : public ::testing::Test {
protected:
    static void SetUpTestSuite()
    {
        s_path = std::filesystem::temp_directory_path() / std::format("frontline-queries-{}.db", ::getpid());
        std::filesystem::remove(s_path);
        auto db = Database::open(s_path, Database::Mode::Create);
        ASSERT_TRUE(db);
        ASSERT_TRUE(importDataset(*db, test::kBundledDataset));
    }
    static void TearDownTestSuite() { std::filesystem::remove(s_path); }
    void SetUp() override
    {
        auto db = Database::open(s_path, Database::Mode::ReadOnly);
        ASSERT_TRUE(db);
        m_db.emplace(std::move(*db));
    }

    std::optional<ControlChange> stateOf(const std::string &district, Date date) const
    {
        auto states = ControlQueries(*m_db).stateAt(date);
        EXPECT_TRUE(states);
        auto it = std::ranges::find(*states, district, &DistrictState::districtId);
        EXPECT_NE(it, states->end());
        return it->change;
    }

    static inline std::filesystem::path s_path;
    std::optional<Database> m_db;
};

struct Expected {
    std::string district;
    Date date;
    ControlState state;
    std::vector<std::string> factions;
};
} // namespace

TEST_F(ControlQueriesTest, StateAroundChanges)
{
    // as-Sakhour (29): rebel until 26 Nov, contested on 27 Nov, government from 28 Nov.
    const std::vector<Expected> table{
        {"29", Date(2016, 11, 26), ControlState::Held, {"rebels"}},
        {"29", Date(2016, 11, 27), ControlState::Contested, {"government", "rebels"}},
        {"29", Date(2016, 11, 28), ControlState::Held, {"government"}},
        {"29", Date(2016, 11, 29), ControlState::Held, {"government"}},
        {"65", Date(2016, 11, 19), ControlState::Held, {"rebels"}},
        {"65", Date(2016, 11, 20), ControlState::Contested, {"government", "rebels"}},
        {"65", Date(2016, 11, 27), ControlState::Held, {"government"}},
        {"110", Date(2016, 11, 29), ControlState::Held, {"kurdish_ypg"}},
    };
    for (const auto &row : table) {
        auto change = stateOf(row.district, row.date);
        ASSERT_TRUE(change) << row.district << " " << row.date.toString();
        EXPECT_EQ(change->state, row.state) << row.district << " " << row.date.toString();
        EXPECT_EQ(change->factions, row.factions) << row.district << " " << row.date.toString();
    }
}

TEST_F(ControlQueriesTest, NothingIsKnownBeforeTheFirstDay)
{
    EXPECT_FALSE(stateOf("29", Date(2016, 11, 14)));
    EXPECT_TRUE(stateOf("29", Date(2016, 11, 15)));
}

TEST_F(ControlQueriesTest, DisputedChangeKeepsBothStances)
{
    // Sheikh Sa'eed, 30 Nov 2016: the army's claim and the rebels' denial are both kept.
    auto history = ControlQueries(*m_db).history("112");
    ASSERT_TRUE(history);
    auto day = std::ranges::find_if(*history, [](const auto &c) { return c.change.date == Date(2016, 11, 30); });
    ASSERT_NE(day, history->end());
    auto has = [&](Stance s) { return std::ranges::any_of(day->evidence, [&](const Evidence &e) { return e.stance == s; }); };
    EXPECT_TRUE(has(Stance::Supports));
    EXPECT_TRUE(has(Stance::Disputes));
    EXPECT_TRUE(std::ranges::any_of(day->evidence, [](const Evidence &e) { return e.excerpt.kind == ExcerptKind::Quote; }));
}

TEST_F(ControlQueriesTest, HistoryIsOrderedByDate)
{
    auto history = ControlQueries(*m_db).history("65");
    ASSERT_TRUE(history);
    ASSERT_GE(history->size(), 3u);
    EXPECT_EQ(history->front().change.date, Date(2016, 11, 15));
    EXPECT_TRUE(std::ranges::is_sorted(*history, {}, [](const auto &c) { return c.change.date; }));
    for (const auto &c : *history)
        EXPECT_FALSE(c.evidence.empty()) << c.change.id;
}

TEST_F(ControlQueriesTest, ChangeDaysSpanTheBattle)
{
    auto days = ControlQueries(*m_db).changeDays();
    ASSERT_TRUE(days);
    EXPECT_EQ(days->front().date, Date(2016, 11, 15));
    EXPECT_EQ(days->front().changes, 133);
    EXPECT_LE(days->back().date, Date(2016, 12, 22));
}

TEST_F(ControlQueriesTest, FindsDistrictsWhateverTheCaseDiacriticsOrApostrophes)
{
    ControlQueries q(*m_db);
    EXPECT_EQ(q.findDistrict("qal'et ash-sharif").value_or(""), "98");
    EXPECT_EQ(q.findDistrict("SHEIKH SA'EED").value_or(""), "112");
    EXPECT_EQ(q.findDistrict("  hanano ").value_or(""), "65");
}

TEST_F(ControlQueriesTest, FindsDistrictsByIdOrExactName)
{
    ControlQueries q(*m_db);
    EXPECT_EQ(q.findDistrict("65").value_or(""), "65");
    EXPECT_EQ(q.findDistrict("Hanano").value_or(""), "65");
    EXPECT_EQ(q.findDistrict("هنانو").value_or(""), "65");
    auto ambiguous = q.findDistrict("Tishreen");
    ASSERT_FALSE(ambiguous);
    EXPECT_NE(
        ambiguous.error().message.find("names 3 districts: 121 (Tishreen), 121b (Tishreen), 121c (Tishreen)"), std::string::npos)
        << ambiguous.error().message;
    EXPECT_FALSE(q.findDistrict("Atlantis"));
}

TEST_F(ControlQueriesTest, FrontLineGrowsWhenTheNorthFalls)
{
    ControlQueries q(*m_db);
    auto before = q.frontLine(Date(2016, 11, 15));
    auto after = q.frontLine(Date(2016, 12, 22));
    ASSERT_TRUE(before && after);
    EXPECT_FALSE(before->empty());
    EXPECT_NE(before->size(), after->size());
}

TEST_F(ControlQueriesTest, SinceIsTheStartOfTheCurrentRun)
{
    // Hanano: contested on 20 Nov, reported contested again on 21, 25 and 26 Nov.
    auto states = ControlQueries(*m_db).stateAt(Date(2016, 11, 26));
    ASSERT_TRUE(states);
    auto hanano = std::ranges::find(*states, std::string("65"), &DistrictState::districtId);
    ASSERT_NE(hanano, states->end());
    EXPECT_EQ(hanano->since, Date(2016, 11, 20));
    EXPECT_EQ(hanano->change->date, Date(2016, 11, 26));
}

TEST_F(ControlQueriesTest, FindsTheDistrictUnderAPoint)
{
    ControlQueries q(*m_db);
    auto districts = q.districts(false);
    ASSERT_TRUE(districts);
    for (const auto &d : *districts)
        EXPECT_EQ(q.districtAt(d.centroid).value_or(std::nullopt).value_or(""), d.id) << d.name;
    EXPECT_EQ(q.districtAt({0, 0}).value_or(std::string("x")), std::nullopt);
}

TEST_F(ControlQueriesTest, SearchFindsNamesWithoutApostrophesAndExcerptsByWords)
{
    ControlQueries q(*m_db);
    auto hits = q.search("Sheikh Saeed");
    ASSERT_TRUE(hits) << hits.error().message;
    EXPECT_TRUE(std::ranges::any_of(*hits, [](const SearchHit &h) { return h.changeId.empty() && h.districtId == "112"; }));
    auto excerpt = std::ranges::find_if(*hits, [](const SearchHit &h) { return h.changeId == "c160"; });
    ASSERT_NE(excerpt, hits->end());
    EXPECT_EQ(excerpt->date, Date(2016, 11, 30));
    EXPECT_NE(excerpt->text.find("[Saeed]"), std::string::npos);
    auto arabic = q.search("هنانو");
    ASSERT_TRUE(arabic);
    EXPECT_TRUE(std::ranges::any_of(*arabic, [](const SearchHit &h) { return h.districtId == "65"; }));
    EXPECT_FALSE(q.search("\"unbalanced"));
}

TEST_F(ControlQueriesTest, SearchFindsIncidentsByTheirReportsAndDescriptions)
{
    ControlQueries q(*m_db);
    for (const char *word : {"artillery", "displaced", "shelling"}) {
        auto hits = q.search(word);
        ASSERT_TRUE(hits) << hits.error().message;
        EXPECT_TRUE(std::ranges::any_of(*hits, [](const SearchHit &h) { return h.kind() == "incident"; })) << word;
    }
    auto hits = q.search("artillery");
    auto incident = std::ranges::find(*hits, std::string("i011"), &SearchHit::incidentId);
    ASSERT_NE(incident, hits->end());
    EXPECT_EQ(incident->date, Date(2016, 11, 30));
    EXPECT_EQ(incident->districtName, "Jubb al-Qubbeh");
    EXPECT_NE(incident->text.find("[Artillery]"), std::string::npos) << incident->text;
    EXPECT_TRUE(incident->districtId.empty());
}

TEST_F(ControlQueriesTest, DailyTotalsCountEveryDistrictEveryDay)
{
    auto totals = dailyTotals(*m_db);
    ASSERT_TRUE(totals);
    EXPECT_EQ(totals->size(), 38u * 4u); // 38 days, three factions and "contested"
    std::map<std::string, int> perDay;
    for (const auto &t : *totals)
        perDay[t.date.toString()] += t.districts;
    for (const auto &[day, n] : perDay)
        EXPECT_EQ(n, 133) << day;
    auto government = [&](Date d) {
        return std::ranges::find_if(*totals, [&](const HolderTotal &t) {
            return t.date == d && t.holder == "government";
        })->areaKm2;
    };
    EXPECT_GT(government(Date(2016, 12, 22)), 1.5 * government(Date(2016, 11, 15)));
}

TEST_F(ControlQueriesTest, IncidentsComeOnTheirDayWithTheirSources)
{
    auto incidents = ControlQueries(*m_db).incidentsOn(Date(2016, 11, 30));
    ASSERT_TRUE(incidents) << incidents.error().message;
    auto jubb = std::ranges::find(*incidents, std::string("Jubb al-Qubbeh"), &Incident::place);
    ASSERT_NE(jubb, incidents->end());
    ASSERT_TRUE(jubb->at);
    EXPECT_NEAR(jubb->at->lat, 36.195, 1e-6);
    EXPECT_EQ(jubb->placeArabic, "جب القبة");
    EXPECT_EQ(jubb->confidence, Confidence::High);
    EXPECT_GE(jubb->evidence.size(), 3u); // the death tolls differ by source: every source is kept
    EXPECT_TRUE(ControlQueries(*m_db).incidentsOn(Date(2016, 11, 16))->empty());
}

TEST_F(ControlQueriesTest, TheSpanRefusesDaysBeforeTheDataAndNotesDaysAfterIt)
{
    auto span = ControlQueries(*m_db).span();
    ASSERT_TRUE(span) << span.error().message;
    EXPECT_EQ(span->first, Date(2016, 11, 15));
    EXPECT_EQ(span->last, Date(2016, 12, 22)); // the manifest's declared end
    EXPECT_EQ(span->refusal(Date(2016, 11, 1)), "2016-11-01 is before the data, which cover 2016-11-15 to 2016-12-22");
    EXPECT_EQ(span->refusal(Date(2016, 11, 15)), "");
    EXPECT_EQ(span->note(Date(2016, 12, 22)), "");
    EXPECT_NE(span->note(Date(2026, 8, 22)).find("the data end on 2016-12-22"), std::string::npos);
    // After the span the state is the last day's: nothing was recorded since.
    auto last = ControlQueries(*m_db).stateAt(Date(2016, 12, 22));
    auto later = ControlQueries(*m_db).stateAt(Date(2026, 8, 22));
    ASSERT_TRUE(last && later);
    ASSERT_EQ(last->size(), later->size());
    for (std::size_t i = 0; i < last->size(); ++i)
        EXPECT_EQ((*last)[i].change.has_value() ? (*last)[i].change->id : "",
            (*later)[i].change.has_value() ? (*later)[i].change->id : "");
}

TEST_F(ControlQueriesTest, NamesSortNaturallyInSearchResults)
{
    m_db->exec("SELECT 1"); // the collation is there on every connection, read-only ones too
    auto s = m_db->prepare("SELECT value FROM (SELECT 'District 10' AS value UNION SELECT 'District 2' UNION SELECT "
                           "'district 1') ORDER BY value COLLATE natural_order");
    std::vector<std::string> order;
    while (s.step())
        order.push_back(s.text(0));
    EXPECT_EQ(order, (std::vector<std::string>{"district 1", "District 2", "District 10"}));
}

TEST_F(ControlQueriesTest, CaptionsGroupTheDaysChangesByTheirStrongestSource)
{
    ControlQueries q(*m_db);
    auto captions = q.captionsOn(Date(2016, 12, 12));
    ASSERT_TRUE(captions);
    ASSERT_FALSE(captions->empty());
    std::size_t districts = 0;
    for (const auto &c : *captions) {
        EXPECT_FALSE(c.districts.empty());
        EXPECT_FALSE(c.publisher.empty()); // every change of the bundled record cites a source
        districts += c.districts.size();
    }
    auto days = q.changeDays();
    ASSERT_TRUE(days);
    auto day = std::ranges::find(*days, Date(2016, 12, 12), &ChangeDay::date);
    ASSERT_NE(day, days->end());
    EXPECT_EQ(districts, std::size_t(day->changes)); // each change in exactly one line
    // Sheikh Sa'eed, 30 Nov: a claim supported and disputed; the caption quotes the support.
    auto disputed = q.captionsOn(Date(2016, 11, 30));
    ASSERT_TRUE(disputed);
    auto sheikhSaeed =
        std::ranges::find_if(*disputed, [](const auto &c) { return std::ranges::contains(c.districts, "Sheikh Sa\u2019eed"); });
    ASSERT_NE(sheikhSaeed, disputed->end());
    EXPECT_EQ(sheikhSaeed->stance, Stance::Supports);
    EXPECT_TRUE(q.captionsOn(Date(2016, 11, 1))->empty());
}

TEST_F(ControlQueriesTest, ChangesOnADayAreThoseItCounts)
{
    ControlQueries q(*m_db);
    auto days = q.changeDays();
    ASSERT_TRUE(days);
    for (const auto &day : *days) {
        auto changes = q.changesOn(day.date);
        ASSERT_TRUE(changes);
        EXPECT_EQ(std::ssize(*changes), day.changes) << day.date.toString();
        for (const auto &c : *changes) {
            EXPECT_GT(c.district, 0);
            EXPECT_GT(c.control, 0);
        }
    }
    EXPECT_TRUE(q.changesOn(Date(2016, 1, 1))->empty());
}

TEST_F(ControlQueriesTest, AClickHitsInMemoryTheDistrictSqlAndGeosFind)
{
    const ControlQueries queries(*m_db);
    const auto districts = queries.districts(true).value();
    BoundingBox all = districts.front().bbox;
    for (const auto &d : districts) {
        all.min = {std::min(all.min.lon, d.bbox.min.lon), std::min(all.min.lat, d.bbox.min.lat)};
        all.max = {std::max(all.max.lon, d.bbox.max.lon), std::max(all.max.lat, d.bbox.max.lat)};
    }
    int hits = 0, misses = 0;
    constexpr int kSteps = 61; // off the grid of any district's corners
    for (int i = 0; i <= kSteps; ++i)
        for (int j = 0; j <= kSteps; ++j) {
            const LonLat p{all.min.lon + (all.max.lon - all.min.lon) * (i + 0.37) / kSteps,
                all.min.lat + (all.max.lat - all.min.lat) * (j + 0.61) / kSteps};
            const District *inMemory = districtAt(districts, p);
            const auto bySql = queries.districtAt(p).value();
            ASSERT_EQ(inMemory ? std::optional(inMemory->id) : std::nullopt, bySql) << p.lon << ", " << p.lat;
            ++(inMemory ? hits : misses);
        }
    EXPECT_GT(hits, 1000);
    EXPECT_GT(misses, 100); // the city is not a rectangle
    for (const auto &d : districts) { // a point inside each district, as the map labels it
        if (const District *hit = districtAt(districts, d.centroid)) {
            EXPECT_EQ(hit->id, d.id);
        }
    }
}
