// SPDX-License-Identifier: MIT
// A bulk load writes the file in place when it has it to itself, and readers are told plainly what is going on;
// it checks references itself, and a bad one still fails the whole load by name.
#include "core/storage/killswitchvfs.h"
#include "core/testdb.h"
#include "import/datasetimporter.h"
#include "import/tableimport.h"

#include <chrono>
#include <csignal>
#include <fstream>

#include <sys/wait.h>
#include <unistd.h>

using namespace frontline;
using frontline::test::TempDir;

namespace {
std::string journalMode(const Database &db)
{
    auto s = db.prepare("PRAGMA journal_mode");
    return s.step() ? s.text(0) : std::string();
}

int pragma(const Database &db, const char *name)
{
    auto s = db.prepare(std::string("PRAGMA ") + name);
    return s.step() ? int(s.integer(0)) : -1;
}

std::int64_t changeCount(const Database &db)
{
    auto s = db.prepare("SELECT count(*) FROM changes");
    s.step();
    return s.integer(0);
}

//! The bundled dataset in a new file, and a changes file large enough to load in bulk.
std::filesystem::path bundledWithManyChanges(const TempDir &dir)
{
    {
        auto db = Database::open(dir / "a.db", Database::Mode::Create);
        EXPECT_TRUE(db && importDataset(*db, test::kBundledDataset));
    }
    std::ofstream out(dir / "many.csv");
    out << "id,date,district_id,state,factions,confidence\n";
    for (int i = 0; i < 60'000; ++i)
        out << "m" << i << ",2016-12-" << 10 + i % 12 << ",65,held," << (i % 3 ? "government" : "rebels") << ",medium\n";
    return dir / "many.csv";
}
} // namespace

TEST(InPlaceWrites, TakesTheRollbackJournalOnlyWhenNoOtherConnectionHasTheFile)
{
    TempDir dir;
    auto db = Database::open(dir / "a.db", Database::Mode::Create);
    ASSERT_TRUE(db);
    EXPECT_EQ(journalMode(*db), "wal");
    {
        const InPlaceWrites inPlace(*db);
        EXPECT_TRUE(inPlace.active());
        EXPECT_EQ(journalMode(*db), "delete");
    }
    EXPECT_EQ(journalMode(*db), "wal");
    auto viewer = Database::open(dir / "a.db", Database::Mode::ReadOnly);
    ASSERT_TRUE(viewer);
    {
        // Does not wait for the viewer: a wait would last the whole busy timeout, whatever the machine's speed.
        const auto start = std::chrono::steady_clock::now();
        const InPlaceWrites inPlace(*db);
        EXPECT_FALSE(inPlace.active());
        EXPECT_EQ(journalMode(*db), "wal");
        EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::milliseconds(Database::kBusyTimeoutMs));
    }
}

TEST(InPlaceWrites, ABulkImportLeavesTheWriteAheadLogOnAndAReaderAfterItSeesEverything)
{
    TempDir dir;
    const auto csv = bundledWithManyChanges(dir);
    auto db = Database::open(dir / "a.db", Database::Mode::ReadWrite);
    ASSERT_TRUE(db);
    const auto before = changeCount(*db);
    auto summary = importTable(*db, Table::Changes, csv);
    ASSERT_TRUE(summary) << summary.error().message;
    EXPECT_EQ(journalMode(*db), "wal");
    EXPECT_FALSE(std::filesystem::exists(dir / "a.db-journal"));
    auto viewer = Database::open(dir / "a.db", Database::Mode::ReadOnly);
    ASSERT_TRUE(viewer) << viewer.error().message;
    EXPECT_EQ(changeCount(*viewer), before + 60'000);
}

TEST(InPlaceWrites, AReaderArrivingDuringABulkLoadIsToldTheFileIsBusy)
{
    TempDir dir;
    auto db = Database::open(dir / "a.db", Database::Mode::Create);
    ASSERT_TRUE(db);
    const InPlaceWrites inPlace(*db);
    ASSERT_TRUE(inPlace.active());
    db->exec("BEGIN EXCLUSIVE"); // what a load holds once its pages no longer fit in the cache
    auto viewer = Database::open(dir / "a.db", Database::Mode::ReadOnly);
    ASSERT_FALSE(viewer);
    EXPECT_NE(viewer.error().message.find("busy: another program is writing it"), std::string::npos) << viewer.error().message;
    db->exec("ROLLBACK");
}

TEST(InPlaceWrites, AViewerOpensAFileWhoseBulkImportWasKilledAsItWasBefore)
{
    TempDir dir;
    const auto csv = bundledWithManyChanges(dir);
    std::int64_t before = 0;
    {
        auto db = Database::open(dir / "a.db", Database::Mode::ReadOnly);
        before = changeCount(*db);
    }
    // The import's file operations, counted on a copy; the real one is killed halfway through them.
    test::KillSwitchVfs::install();
    std::filesystem::copy_file(dir / "a.db", dir / "reference.db");
    test::KillSwitchVfs::arm(0);
    {
        auto reference = Database::open(dir / "reference.db", Database::Mode::ReadWrite);
        ASSERT_TRUE(reference && importTable(*reference, Table::Changes, csv));
    }
    const auto halfway = test::KillSwitchVfs::operations() / 2;
    const pid_t child = ::fork();
    ASSERT_GE(child, 0);
    if (child == 0) {
        test::KillSwitchVfs::arm(halfway);
        auto db = Database::open(dir / "a.db", Database::Mode::ReadWrite);
        ::_exit(db && importTable(*db, Table::Changes, csv) ? 0 : 1);
    }
    int status = 0;
    ::waitpid(child, &status, 0);
    ASSERT_TRUE(WIFSIGNALED(status)) << "the import finished before it could be killed";
    ASSERT_TRUE(std::filesystem::exists(dir / "a.db-journal")); // hot: the interrupted load's original pages
    auto viewer = Database::open(dir / "a.db", Database::Mode::ReadOnly);
    ASSERT_TRUE(viewer) << viewer.error().message;
    EXPECT_EQ(changeCount(*viewer), before);
}

TEST(BulkLoad, LeavesEveryReferenceWholeAndForeignKeysOnAgain)
{
    TempDir dir;
    const auto csv = bundledWithManyChanges(dir);
    auto db = Database::open(dir / "a.db", Database::Mode::ReadWrite);
    ASSERT_TRUE(db);
    auto summary = importTable(*db, Table::Changes, csv);
    ASSERT_TRUE(summary) << summary.error().message;
    EXPECT_EQ(pragma(*db, "foreign_keys"), 1);
    auto dangling = db->prepare("PRAGMA foreign_key_check");
    EXPECT_FALSE(dangling.step()) << "a dangling reference in table " << dangling.text(0);
}

TEST(BulkLoad, AnUnknownDistrictFailsTheLoadByLineAndKeepsForeignKeysOn)
{
    TempDir dir;
    const auto csv = bundledWithManyChanges(dir);
    std::ofstream(csv, std::ios::app) << "m-last,2016-12-20,nowhere-district,held,rebels,medium\n";
    auto db = Database::open(dir / "a.db", Database::Mode::ReadWrite);
    ASSERT_TRUE(db);
    const auto before = changeCount(*db);
    auto summary = importTable(*db, Table::Changes, csv);
    ASSERT_FALSE(summary);
    EXPECT_NE(summary.error().message.find("many.csv:60002"), std::string::npos) << summary.error().message;
    EXPECT_NE(summary.error().message.find("nowhere-district"), std::string::npos) << summary.error().message;
    EXPECT_EQ(changeCount(*db), before);
    EXPECT_EQ(pragma(*db, "foreign_keys"), 1);
}

TEST(BulkLoad, RefusesToStartInsideATransaction)
{
    TempDir dir;
    auto db = Database::open(dir / "a.db", Database::Mode::Create);
    ASSERT_TRUE(db);
    db->exec("BEGIN");
    EXPECT_THROW(ForeignKeysOff{*db}, std::logic_error); // SQLite would ignore the switch and check every row
    db->exec("ROLLBACK");
    EXPECT_EQ(pragma(*db, "foreign_keys"), 1);
}

TEST(BulkLoad, ARefusedHeaderLeavesTheFileByteIdentical)
{
    TempDir dir;
    const auto csv = bundledWithManyChanges(dir);
    std::ofstream(dir / "one-line.csv") << std::string(4'000'000, 'x'); // large enough to load in bulk, no header
    const auto bytes = [&] {
        std::ifstream in(dir / "a.db", std::ios::binary);
        return std::string(std::istreambuf_iterator<char>(in), {});
    };
    const std::string before = bytes();
    {
        auto db = Database::open(dir / "a.db", Database::Mode::ReadWrite);
        ASSERT_TRUE(db);
        auto summary = importTable(*db, Table::Changes, dir / "one-line.csv");
        ASSERT_FALSE(summary);
        EXPECT_NE(summary.error().message.find("one-line.csv"), std::string::npos) << summary.error().message;
    }
    EXPECT_EQ(bytes(), before);
}
