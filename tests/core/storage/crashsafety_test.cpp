// SPDX-License-Identifier: MIT
// An import killed at any moment leaves the database sound and exactly as it was before the import. The moments
// are counted in the import's own file operations, so every machine kills it at the same points.
#include "core/storage/killswitchvfs.h"
#include "core/testdb.h"
#include "import/datasetimporter.h"
#include "import/tableimport.h"
#include "query/controlqueries.h"

#include <csignal>
#include <fstream>
#include <random>

#include <sys/wait.h>
#include <unistd.h>

using namespace frontline;
using frontline::test::TempDir;

namespace {
//! Every row of the tables an import writes, in a fixed order, hashed: equal digests mean equal contents.
std::size_t digest(const Database &db)
{
    std::string out;
    for (const char *sql :
        {"SELECT id || day || district_id || state || confidence || factions || note FROM change_list ORDER BY id",
            "SELECT day || hex(controls) FROM control_snapshots ORDER BY day", "SELECT id || name FROM districts ORDER BY id",
            "SELECT count(*) FROM evidence"}) {
        auto s = db.prepare(sql);
        while (s.step())
            out += s.text(0) + '\n';
    }
    return std::hash<std::string>{}(out);
}

std::string integrity(const Database &db)
{
    auto s = db.prepare("PRAGMA integrity_check");
    return s.step() ? s.text(0) : "no answer";
}

//! A changes file long enough that an import of it takes a while (every row valid).
std::filesystem::path manyChanges(const TempDir &dir, int rows)
{
    const auto path = dir / "many.csv";
    std::ofstream out(path);
    out << "id,date,district_id,state,factions,confidence,note\n";
    for (int i = 0; i < rows; ++i)
        out << "k" << i << ",2016-12-" << 10 + i % 12 << ',' << (i % 2 ? "65" : "Hanano") << ",held,"
            << (i % 3 ? "government" : "rebels") << ",medium,row " << i << '\n';
    return path;
}
} // namespace

TEST(CrashSafety, KilledImportsLeaveTheDatabaseSoundAndUnchanged)
{
    TempDir dir;
    {
        auto db = Database::open(dir / "base.db", Database::Mode::Create);
        ASSERT_TRUE(db);
        ASSERT_TRUE(importDataset(*db, test::kBundledDataset));
    }
    const auto csv = manyChanges(dir, 40'000);
    test::KillSwitchVfs::install();
    std::size_t before = 0, after = 0;
    std::uint64_t operations = 0; // that the whole import makes, from opening the file to closing it
    {
        auto db = Database::open(dir / "base.db", Database::Mode::ReadOnly);
        before = digest(*db);
        std::filesystem::copy_file(dir / "base.db", dir / "reference.db");
        test::KillSwitchVfs::arm(0);
        {
            auto reference = Database::open(dir / "reference.db", Database::Mode::ReadWrite);
            ASSERT_TRUE(importTable(*reference, Table::Changes, csv));
        }
        operations = test::KillSwitchVfs::operations();
        auto reference = Database::open(dir / "reference.db", Database::Mode::ReadOnly);
        after = digest(*reference);
    }
    ASSERT_GT(operations, 100u) << "the import is too small to be killed at many points";
    // Kills anywhere in the import, then one just before its last operation and one run never killed.
    std::mt19937 random(20161215);
    std::uniform_int_distribution<std::uint64_t> anywhere(1, operations);
    const int runs = 30;
    int killedMidway = 0, finished = 0;
    for (int run = 0; run < runs; ++run) {
        std::filesystem::copy_file(dir / "base.db", dir / "victim.db", std::filesystem::copy_options::overwrite_existing);
        std::filesystem::remove(dir / "victim.db-wal");
        std::filesystem::remove(dir / "victim.db-shm");
        std::filesystem::remove(dir / "victim.db-journal"); // a large import writes in place, with a rollback journal
        const std::uint64_t point = run == runs - 1 ? 0 : run == runs - 2 ? operations : anywhere(random);
        const pid_t child = ::fork();
        ASSERT_GE(child, 0);
        if (child == 0) {
            test::KillSwitchVfs::arm(point);
            bool ok = false;
            {
                auto db = Database::open(dir / "victim.db", Database::Mode::ReadWrite);
                ok = db && importTable(*db, Table::Changes, csv);
            }
            ::_exit(ok ? 0 : 1);
        }
        int status = 0;
        ::waitpid(child, &status, 0);
        const bool killed = WIFSIGNALED(status);
        if (point == 0) {
            EXPECT_FALSE(killed) << "run " << run << ": killed although never armed";
        }
        auto db = Database::open(dir / "victim.db", Database::Mode::ReadWrite);
        ASSERT_TRUE(db) << "run " << run << ": " << db.error().message;
        EXPECT_EQ(integrity(*db), "ok") << "run " << run;
        const std::size_t now = digest(*db);
        // Killed before its commit: nothing of it; killed after (while closing) or not at all: all of it.
        EXPECT_TRUE(now == before || now == after) << "run " << run << ": the import left part of its rows";
        if (killed && now == before)
            ++killedMidway;
        else
            ++finished;
        if (!killed) {
            EXPECT_EQ(WEXITSTATUS(status), 0);
        }
    }
    EXPECT_GE(killedMidway, runs / 2) << "too few kills landed during an import to test anything";
    RecordProperty("operations", std::to_string(operations));
    RecordProperty("killed_midway", killedMidway);
    RecordProperty("finished", finished);
}
