// SPDX-License-Identifier: MIT
// Recording in a Frontline file: changes and evidence recorded as drafts with their author, corrected,
// retracted, verified or rejected by a colleague, undone and redone; every edit one transaction, logged, and
// the control snapshots kept equal to SQL's own answer. A refused edit leaves the file byte-identical.
#include "common/naivestate.h"
#include "core/testdb.h"
#include "generate/generator.h"
#include "import/datasetimporter.h"
#include "import/importreview.h"
#include "import/tableimport.h"
#include "query/audit.h"
#include "query/controlcursor.h"
#include "query/controlqueries.h"
#include "query/verifiedonly.h"
#include "record/recorder.h"

#include <fstream>
#include <sstream>

using namespace frontline;
using frontline::test::TempDir;

namespace {
std::string bytesOf(const std::filesystem::path &p)
{
    std::ifstream in(p, std::ios::binary);
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
}

EvidenceInput newReport(std::string quote, Stance stance = Stance::Supports)
{
    return {{}, NewSource{"SOHR", "", "Regime forces advance", "https://www.syriahr.com/en/?p=1", "", "2016-11-27"},
        ExcerptKind::Quote, std::move(quote), stance};
}

Recording taken(std::vector<std::string> districts, Date date, std::string holder)
{
    return {std::move(districts), date, {ControlState::Held, {std::move(holder)}, Confidence::High}, "", std::nullopt};
}

std::string one(const Database &db, const std::string &sql)
{
    auto s = db.prepare(sql);
    return s.step() ? s.text(0) : std::string("(no row)");
}
} // namespace

class RecorderTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        {
            auto db = Database::open(path(), Database::Mode::Create);
            ASSERT_TRUE(db);
            ASSERT_TRUE(importDataset(*db, test::kBundledDataset));
        }
        reopen();
    }
    void reopen()
    {
        m_db.reset();
        auto db = Database::open(path(), Database::Mode::ReadWrite);
        ASSERT_TRUE(db) << db.error().message;
        m_db.emplace(std::move(*db));
    }
    [[nodiscard]] std::filesystem::path path() const { return m_dir / "aleppo.db"; }
    //! The file's bytes with no connection open (closing folds the write-ahead log in).
    std::string closedBytes()
    {
        m_db.reset();
        std::string bytes = bytesOf(path());
        reopen();
        return bytes;
    }
    //! `edit` is refused with a message containing `words`, and the file is as it was.
    template <typename F>
    void expectRefused(F &&edit, const std::string &words)
    {
        const std::string before = closedBytes();
        const auto result = edit();
        ASSERT_FALSE(result);
        EXPECT_NE(result.error().message.find(words), std::string::npos) << result.error().message;
        EXPECT_EQ(closedBytes(), before) << "a refused edit changed the file";
    }
    void expectStateIsSqlsAnswer(int day) const
    {
        EXPECT_EQ(controlindex::stateAt(*m_db, day).value(), test::naiveStateAt(*m_db, day))
            << Date::fromDayNumber(day).toString();
    }

    TempDir m_dir;
    std::optional<Database> m_db;
    const Date m_day{2016, 11, 27};
};

TEST_F(RecorderTest, RecordsADraftWithItsEvidenceAndAuthor)
{
    Recording r = taken({"Aleppo Citadel", "al-Farafra"}, m_day, "rebels");
    r.note = "per the SOHR report";
    r.evidence = newReport("rebels returned to the Citadel");
    const auto edit = Recorder(*m_db, "amira").record(r);
    ASSERT_TRUE(edit) << edit.error().message;
    ASSERT_EQ(edit->changes.size(), 2u);
    EXPECT_TRUE(edit->warnings.empty());
    for (const auto &c : edit->changes) {
        const std::string where = std::format(" FROM change_list WHERE id = '{}'", c.id);
        EXPECT_EQ(one(*m_db, "SELECT status" + where), "draft");
        EXPECT_EQ(one(*m_db, "SELECT recorded_by" + where), "amira");
        EXPECT_EQ(one(*m_db, "SELECT factions || ' ' || state || ' ' || day" + where), "rebels held 2016-11-27");
        EXPECT_EQ(one(*m_db,
                      std::format("SELECT status || ' ' || stance || ' ' || recorded_by FROM evidence_list "
                                  "WHERE change_id = '{}'",
                          c.id)),
            "draft supports amira");
        EXPECT_EQ(one(*m_db,
                      std::format("SELECT action || ' ' || author || ' ' || (before = '') || ' ' || district "
                                  "FROM edits WHERE change_id = '{}'",
                          c.id)),
            std::format("record amira 1 {}", c.district));
    }
    EXPECT_EQ(one(*m_db, "SELECT count(*) FROM sources WHERE publisher = 'SOHR' AND recorded IS NOT NULL"), "1");
    const auto state = controlindex::stateAt(*m_db, m_day.dayNumber()).value();
    const auto citadel = state[std::size_t(edit->changes[0].districtNumber - 1)];
    EXPECT_EQ(one(*m_db, std::format("SELECT factions FROM controls WHERE num = {}", citadel)), "rebels");
    for (int day = m_day.dayNumber() - 40; day <= m_day.dayNumber() + 40; ++day)
        expectStateIsSqlsAnswer(day);
}

TEST_F(RecorderTest, ADateOutsideTheDataIsRecordedWithAWarning)
{
    const auto edit = Recorder(*m_db, "amira").record(taken({"Hanano"}, Date(2017, 6, 1), "rebels"));
    ASSERT_TRUE(edit) << edit.error().message;
    ASSERT_EQ(edit->warnings.size(), 1u);
    EXPECT_NE(edit->warnings[0].find("2017-06-01 is outside the dataset's span (2016-11-15 to"), std::string::npos)
        << edit->warnings[0];
    expectStateIsSqlsAnswer(Date(2017, 6, 1).dayNumber());
}

TEST_F(RecorderTest, ARefusedRecordingLeavesTheFileByteIdentical)
{
    Recorder amira(*m_db, "amira");
    expectRefused([&] { return amira.record(taken({"Aleppo Citadel", "Atlantis"}, m_day, "rebels")); }, "Atlantis");
    expectRefused([&] { return amira.record(taken({"Aleppo Citadel"}, m_day, "martians")); }, "unknown faction \"martians\"");
    Recording contested = taken({"Aleppo Citadel"}, m_day, "rebels");
    contested.holding.state = ControlState::Contested;
    expectRefused([&] { return amira.record(contested); }, "at least two sides");
    Recording badUrl = taken({"Aleppo Citadel"}, m_day, "rebels");
    badUrl.evidence = newReport("they took it");
    badUrl.evidence->newSource->url = "javascript:alert(1)";
    expectRefused([&] { return amira.record(badUrl); }, "not an http, https or file address");
    Recording empty = taken({"Aleppo Citadel"}, m_day, "rebels");
    empty.evidence = newReport("   ");
    expectRefused([&] { return amira.record(empty); }, "the quote is empty");
    Recording unknownSource = taken({"Aleppo Citadel"}, m_day, "rebels");
    unknownSource.evidence = EvidenceInput{"s999", std::nullopt, ExcerptKind::Quote, "text", Stance::Supports};
    expectRefused([&] { return amira.record(unknownSource); }, "unknown source \"s999\"");
    expectRefused([&] { return amira.retract("c001", " "); }, "needs its reason");
    expectRefused([&] { return amira.correct("c999", {}); }, "no change c999");
}

TEST_F(RecorderTest, OnlyAColleagueVerifiesAndRejects)
{
    Recording r = taken({"Aleppo Citadel"}, m_day, "rebels");
    r.evidence = newReport("rebels returned");
    const auto recorded = Recorder(*m_db, "amira").record(r);
    ASSERT_TRUE(recorded);
    const std::string id = recorded->changes[0].id;
    Recorder amira(*m_db, "amira"), basel(*m_db, "basel");
    expectRefused([&] { return amira.verify(id); }, "someone else must verify it");
    const std::string excerpt = one(*m_db, std::format("SELECT excerpt_id FROM evidence_list WHERE change_id = '{}'", id));
    ASSERT_TRUE(basel.verify(id + "/" + excerpt));
    EXPECT_EQ(one(*m_db, std::format("SELECT status FROM evidence_list WHERE change_id = '{}'", id)), "verified");
    EXPECT_EQ(one(*m_db, std::format("SELECT status FROM change_list WHERE id = '{}'", id)), "draft");
    ASSERT_TRUE(basel.verify(id));
    EXPECT_EQ(one(*m_db, std::format("SELECT status FROM change_list WHERE id = '{}'", id)), "verified");
    expectRefused([&] { return basel.verify(id); }, "already verified");
    expectRefused([&] { return basel.reject(id, "wrong"); }, "retract it");
    EXPECT_EQ(one(*m_db, std::format("SELECT group_concat(action || ':' || author, ' ') FROM edits WHERE change_id = '{}'", id)),
        "record:amira verify:basel verify:basel");
}

TEST_F(RecorderTest, VerifiedOnlyShowsTheRecordWithoutItsDrafts)
{
    const Date early = ControlQueries(*m_db).span()->first.addDays(3);
    const int from = early.dayNumber() - 1, to = m_day.dayNumber() + 40;
    std::vector<ControlVector> published;
    for (int day = from; day <= to; ++day)
        published.push_back(controlindex::stateAt(*m_db, day).value());
    Recording r = taken({"Aleppo Citadel", "al-Farafra", "Hanano"}, m_day, "rebels");
    r.evidence = newReport("rebels returned");
    const auto drafts = Recorder(*m_db, "amira").record(r);
    ASSERT_TRUE(drafts);
    ASSERT_TRUE(Recorder(*m_db, "amira").record(taken({"Bustan al-Qaser"}, early, "government")));
    const auto checked = Recorder(*m_db, "amira").record(taken({"ash-Sheikh Maqsoud"}, m_day, "government"));
    ASSERT_TRUE(checked) << checked.error().message;
    ASSERT_TRUE(Recorder(*m_db, "basel").verify(checked->changes[0].id));
    const std::int64_t verifiedSlot = checked->changes[0].districtNumber - 1;
    for (int day = m_day.dayNumber(); day <= to; ++day) // what the viewer shows: every change, drafts too
        published[std::size_t(day - from)][std::size_t(verifiedSlot)] = controlindex::stateAt(*m_db, day).value()[verifiedSlot];

    auto view = Database::open(path(), Database::Mode::ReadOnly);
    ASSERT_TRUE(view);
    ASSERT_TRUE(verifiedonly::show(*view));
    EXPECT_TRUE(verifiedonly::shown(*view));
    EXPECT_FALSE(verifiedonly::shown(*m_db));
    for (int day = from; day <= to; ++day) {
        EXPECT_EQ(controlindex::stateAt(*view, day).value(), published[std::size_t(day - from)])
            << Date::fromDayNumber(day).toString();
        EXPECT_EQ(controlindex::stateAt(*view, day).value(), test::naiveStateAt(*view, day));
    }
    auto cursor = ControlCursor::open(*view, from).value();
    for (int day = from + 1; day <= to; ++day) {
        ASSERT_TRUE(cursor.step());
        EXPECT_EQ(cursor.controls(), published[std::size_t(day - from)]) << Date::fromDayNumber(day).toString();
    }
    EXPECT_EQ(one(*view, "SELECT count(*) FROM change_list WHERE status = 'draft'"), "0");
    EXPECT_EQ(one(*view, "SELECT count(*) FROM evidence_list WHERE status = 'draft'"), "0");
    EXPECT_EQ(one(*view, std::format("SELECT count(*) FROM change_list WHERE id = '{}'", checked->changes[0].id)), "1");
    EXPECT_EQ(one(*m_db, "SELECT count(*) FROM change_list WHERE status = 'draft'"), "4"); // the file keeps them
}

TEST_F(RecorderTest, VerifiedOnlyPublishesACorrectedChangeAsItWasVerified)
{
    const int start = Date(2016, 11, 15).dayNumber(), from = start - 1, to = m_day.dayNumber() + 40;
    std::vector<ControlVector> published;
    for (int day = from; day <= to; ++day)
        published.push_back(controlindex::stateAt(*m_db, day).value());
    const auto changeList = [](const Database &db) {
        return one(db, "SELECT day || ' ' || factions || ' ' || confidence || ' ' || status FROM change_list WHERE id = 'c001'");
    };
    Correction k;
    k.date = m_day; // c001 (the Citadel, held by the government from 15 November) moved to the 27th
    k.factions = std::vector<std::string>{"rebels"};
    ASSERT_TRUE(Recorder(*m_db, "amira").correct("c001", k));
    const auto shown = [&] {
        auto view = Database::open(path(), Database::Mode::ReadOnly).value();
        EXPECT_TRUE(verifiedonly::show(view));
        return view;
    };
    {
        const Database view = shown();
        EXPECT_EQ(changeList(view), "2016-11-15 government high verified");
        for (int day = from; day <= to; ++day)
            EXPECT_EQ(controlindex::stateAt(view, day).value(), published[std::size_t(day - from)])
                << Date::fromDayNumber(day).toString();
    }
    ASSERT_TRUE(Recorder(*m_db, "basel").verify("c001"));
    const Database view = shown();
    EXPECT_EQ(changeList(view), "2016-11-27 rebels high verified");
    for (int day = from; day <= to; ++day)
        EXPECT_EQ(controlindex::stateAt(view, day).value(), controlindex::stateAt(*m_db, day).value());
    // A verification undone: the change is a draft that was never verified since its correction.
    ASSERT_TRUE(Recorder(*m_db, "amira").record(taken({"Hanano"}, m_day, "rebels")));
    const std::string hanano = one(*m_db, "SELECT id FROM change_list WHERE status = 'draft'");
    auto verified = Recorder(*m_db, "basel").verify(hanano);
    ASSERT_TRUE(verified);
    ASSERT_TRUE(Recorder(*m_db, "basel").undo(*verified));
    EXPECT_EQ(one(shown(), std::format("SELECT count(*) FROM change_list WHERE id = '{}'", hanano)), "0");
}

TEST_F(RecorderTest, AnImportAsDraftsWaitsForAColleague)
{
    const std::filesystem::path csv = m_dir / "new.csv";
    std::ofstream(csv) << "date,district,holder,confidence\n2016-11-28,Hanano,rebels,low\n2016-11-28,al-Farafra,rebels,low\n";
    ASSERT_EQ(setenv("FRONTLINE_AUTHOR", "amira", 1), 0);
    ASSERT_TRUE(importAsDrafts(*m_db));
    const auto imported = importTable(*m_db, Table::Changes, csv);
    unsetenv("FRONTLINE_AUTHOR");
    ASSERT_TRUE(imported) << imported.error().message;
    EXPECT_EQ(one(*m_db,
                  "SELECT group_concat(status || ' ' || recorded_by, ', ') FROM change_list "
                  "WHERE id IN ('65@2016-11-28', '18@2016-11-28')"),
        "draft amira, draft amira");
    EXPECT_EQ(one(*m_db, "SELECT count(*) FROM change_list WHERE status = 'draft'"), "2"); // the record before stays verified
    const std::string id = one(*m_db, "SELECT id FROM change_list WHERE status = 'draft' ORDER BY num LIMIT 1");
    expectRefused([&] { return Recorder(*m_db, "amira").verify(id); }, "someone else must verify it");
    ASSERT_TRUE(Recorder(*m_db, "basel").verify(id));
    EXPECT_EQ(one(*m_db, "SELECT count(*) FROM change_list WHERE status = 'draft'"), "1");
    const auto findings = audit(*m_db, {.draftDays = -1});
    ASSERT_TRUE(findings);
    EXPECT_EQ(std::ranges::count_if(*findings, [](const AuditFinding &f) { return f.check == "old draft"; }), 1);
    for (int day = m_day.dayNumber() - 40; day <= m_day.dayNumber() + 40; ++day)
        expectStateIsSqlsAnswer(day);
}

TEST_F(RecorderTest, ARejectedDraftLeavesTheRecordButNotTheLog)
{
    const auto recorded = Recorder(*m_db, "amira").record(taken({"Aleppo Citadel"}, m_day, "rebels"));
    ASSERT_TRUE(recorded);
    const std::string id = recorded->changes[0].id;
    const auto rejected = Recorder(*m_db, "basel").reject(id, "the report is about another quarter");
    ASSERT_TRUE(rejected) << rejected.error().message;
    EXPECT_EQ(one(*m_db, std::format("SELECT count(*) FROM changes WHERE id = '{}'", id)), "0");
    EXPECT_EQ(one(*m_db,
                  std::format("SELECT reason || ' | ' || (after = '') || ' | ' || (before <> '') FROM edits "
                              "WHERE change_id = '{}' AND action = 'reject'",
                      id)),
        "the report is about another quarter | 1 | 1");
    expectRefused([&] { return Recorder(*m_db, "amira").cite(id, newReport("more")); }, "was rejected by basel");
    expectStateIsSqlsAnswer(m_day.dayNumber());
}

TEST_F(RecorderTest, CorrectionsAndRetractionsKeepHistoryAndState)
{
    Recorder amira(*m_db, "amira");
    const std::string before = editlog::describeChange(*m_db, 1);
    Correction k;
    k.date = m_day;
    k.confidence = Confidence::Low;
    const auto corrected = amira.correct("c001", k);
    ASSERT_TRUE(corrected) << corrected.error().message;
    EXPECT_EQ(one(*m_db, "SELECT day || ' ' || confidence || ' ' || status FROM change_list WHERE id = 'c001'"),
        "2016-11-27 low draft");
    EXPECT_EQ(one(*m_db, "SELECT before FROM edits WHERE change_id = 'c001'"), before);
    expectRefused([&] { return amira.correct("c001", k); }, "already says that");
    for (int day = m_day.dayNumber() - 20; day <= m_day.dayNumber() + 5; ++day)
        expectStateIsSqlsAnswer(day);
    ASSERT_TRUE(amira.retract("c002", "duplicate of c003"));
    EXPECT_EQ(one(*m_db, "SELECT count(*) FROM changes WHERE id = 'c002'"), "0");
    EXPECT_EQ(one(*m_db, "SELECT count(*) FROM evidence_list WHERE change_id = 'c002'"), "0");
    expectRefused([&] { return amira.correct("c002", k); }, "was retracted by amira");
    expectStateIsSqlsAnswer(Date(2016, 11, 15).dayNumber());
}

TEST_F(RecorderTest, UndoAndRedoReplayAnEditAndRefuseWhatChangedSince)
{
    Recorder amira(*m_db, "amira");
    const auto before = test::naiveStateAt(*m_db, m_day.dayNumber());
    Recording r = taken({"Aleppo Citadel"}, m_day, "rebels");
    r.evidence = newReport("rebels returned");
    const auto edit = amira.record(r);
    ASSERT_TRUE(edit);
    const auto after = test::naiveStateAt(*m_db, m_day.dayNumber());
    ASSERT_NE(before, after);
    const auto undone = amira.undo(*edit);
    ASSERT_TRUE(undone) << undone.error().message;
    EXPECT_EQ(controlindex::stateAt(*m_db, m_day.dayNumber()).value(), before);
    EXPECT_EQ(one(*m_db, std::format("SELECT count(*) FROM changes WHERE id = '{}'", edit->changes[0].id)), "0");
    EXPECT_EQ(one(*m_db, "SELECT count(*) FROM sources WHERE publisher = 'SOHR' AND title = 'Regime forces advance'"), "0");
    const auto redone = amira.redo(*edit);
    ASSERT_TRUE(redone) << redone.error().message;
    EXPECT_EQ(controlindex::stateAt(*m_db, m_day.dayNumber()).value(), after);
    EXPECT_EQ(one(*m_db, std::format("SELECT group_concat(action, ' ') FROM edits WHERE change_id = '{}'", edit->changes[0].id)),
        "record undo redo");

    Correction k;
    k.confidence = Confidence::Low;
    ASSERT_TRUE(Recorder(*m_db, "basel").correct(edit->changes[0].id, k));
    expectRefused([&] { return amira.undo(*edit); }, "the record changed since this edit");
}

TEST_F(RecorderTest, TheLogIsAppendOnly)
{
    ASSERT_TRUE(Recorder(*m_db, "amira").retract("c001", "test"));
    EXPECT_THROW(m_db->exec("UPDATE edits SET author = 'someone else'"), SqlError);
    EXPECT_THROW(m_db->exec("DELETE FROM edits"), SqlError);
    const auto log = editlog::read(*m_db, {"", "amira", Date(2000, 1, 1)});
    ASSERT_TRUE(log);
    ASSERT_EQ(log->size(), 1u);
    EXPECT_EQ(log->front().action, EditAction::Retract);
    EXPECT_EQ(log->front().reason, "test");
    EXPECT_TRUE(editlog::read(*m_db, {"", "basel", {}})->empty());
}

TEST_F(RecorderTest, TheAuditFindsSelfVerifiedChangesAndOldDrafts)
{
    const auto edit = Recorder(*m_db, "amira").record(taken({"Hanano"}, m_day, "rebels"));
    ASSERT_TRUE(edit);
    const std::string id = edit->changes[0].id;
    const auto findings = [&](const char *check, int draftDays) {
        std::vector<std::string> out;
        const auto all = audit(*m_db, {.draftDays = draftDays});
        for (const auto &f : all.value())
            if (f.check == check)
                out.push_back(f.detail);
        return out;
    };
    EXPECT_EQ(findings("old draft", -1).size(), 1u); // any draft at all
    EXPECT_TRUE(findings("old draft", 100'000).empty());
    EXPECT_TRUE(findings("self-verified", 14).empty());
    // As a file edited elsewhere might have it: the author's own verification.
    m_db->exec(
        std::format("INSERT INTO edits (at, author, action, change_id, district) VALUES "
                    "('2026-01-01T00:00:00Z', 'amira', 'verify', '{}', '65'); UPDATE changes SET status = 1 WHERE id = '{}'",
            id, id)
            .c_str());
    EXPECT_EQ(findings("self-verified", 14),
        std::vector<std::string>{std::format("change {} was verified by amira, who recorded it", id)});
    EXPECT_TRUE(findings("old draft", -1).empty());
}

//! Many edits on a generated war of several snapshot blocks: the snapshots, patched in place, answer as SQL does.
TEST(RecorderSnapshots, StayEqualToSqlsAnswerThroughManyEdits)
{
    TempDir dir;
    auto db = Database::open(dir / "war.db", Database::Mode::Create);
    ASSERT_TRUE(db);
    GeneratorOptions o;
    o.districts = 200;
    o.days = 200;
    o.changes = 3000;
    o.seed = 3;
    ASSERT_TRUE(generateDataset(*db, o));
    Recorder amira(*db, "amira");
    const int first = o.start.dayNumber();
    std::vector<Edit> edits;
    for (int i = 0; i < 12; ++i) {
        const Date day = Date::fromDayNumber(first + 15 + i * 17);
        auto edit = amira.record(taken({std::format("d{}", 1 + i * 13), std::format("d{}", 2 + i * 13)}, day, "f2"));
        ASSERT_TRUE(edit) << edit.error().message;
        edits.push_back(*edit);
        Correction k;
        k.date = Date::fromDayNumber(first + 190 - i * 11); // moved across blocks, either way
        ASSERT_TRUE(amira.correct(edit->changes[1].id, k));
    }
    ASSERT_TRUE(amira.retract(edits[3].changes[0].id, "wrong village"));
    ASSERT_TRUE(amira.undo(amira.correct("#5", {.date = Date::fromDayNumber(first + 100)}).value()));
    for (int day = first - 1; day <= first + o.days + 40; ++day)
        ASSERT_EQ(controlindex::stateAt(*db, day).value(), test::naiveStateAt(*db, day)) << day - first;
}
