// SPDX-License-Identifier: MIT
#include "core/testdb.h"
#include "query/controlqueries.h"
#include "storage/database.h"

#include <fstream>
#include <functional>

#include <sys/wait.h>
#include <unistd.h>

using namespace frontline;
using frontline::test::TempDir;

namespace {
std::string bytesOf(const std::filesystem::path &p)
{
    std::ifstream in(p, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), {}};
}
} // namespace

TEST(Database, CreatesSchemaAndReopens)
{
    TempDir dir;
    {
        auto db = Database::open(dir / "a.db", Database::Mode::Create);
        ASSERT_TRUE(db) << db.error().message;
        db->exec("INSERT INTO factions VALUES ('g', 'Government', '#D55E00')");
    }
    auto db = Database::open(dir / "a.db", Database::Mode::ReadOnly);
    ASSERT_TRUE(db) << db.error().message;
    auto s = db->prepare("SELECT name FROM factions");
    ASSERT_TRUE(s.step());
    EXPECT_EQ(s.text(0), "Government");
    auto version = db->prepare("PRAGMA user_version");
    ASSERT_TRUE(version.step());
    EXPECT_EQ(version.integer(0), Database::kSchemaVersion);
}

TEST(Database, RefusesMissingFileUnlessCreating)
{
    TempDir dir;
    auto db = Database::open(dir / "none.db", Database::Mode::ReadOnly);
    ASSERT_FALSE(db);
    EXPECT_NE(db.error().message.find("no such database"), std::string::npos);
}

TEST(Database, RefusesForeignSqliteFileWithoutTouchingIt)
{
    TempDir dir;
    {
        sqlite3 *raw = nullptr;
        sqlite3_open((dir / "other.db").c_str(), &raw);
        sqlite3_exec(raw, "CREATE TABLE notes(x); INSERT INTO notes VALUES (1)", nullptr, nullptr, nullptr);
        sqlite3_close(raw);
    }
    const std::string before = bytesOf(dir / "other.db");
    auto db = Database::open(dir / "other.db", Database::Mode::ReadWrite);
    ASSERT_FALSE(db);
    EXPECT_NE(db.error().message.find("not a Frontline database"), std::string::npos) << db.error().message;
    EXPECT_EQ(bytesOf(dir / "other.db"), before);
}

TEST(Database, RefusesNewerSchema)
{
    TempDir dir;
    {
        auto db = Database::open(dir / "new.db", Database::Mode::Create);
        ASSERT_TRUE(db);
        db->exec("PRAGMA user_version = 99");
    }
    const std::string before = bytesOf(dir / "new.db");
    auto db = Database::open(dir / "new.db", Database::Mode::ReadWrite);
    ASSERT_FALSE(db);
    EXPECT_NE(db.error().message.find("newer Frontline"), std::string::npos) << db.error().message;
    EXPECT_EQ(bytesOf(dir / "new.db"), before);
}

TEST(Database, RefusesRandomBytes)
{
    TempDir dir;
    {
        std::ofstream out(dir / "junk.db", std::ios::binary);
        for (int i = 0; i < 4096; ++i)
            out.put(char((i * 7919) % 251));
    }
    const std::string before = bytesOf(dir / "junk.db");
    auto db = Database::open(dir / "junk.db", Database::Mode::ReadWrite);
    ASSERT_FALSE(db);
    EXPECT_EQ(bytesOf(dir / "junk.db"), before);
}

namespace {
//! A schema-1 database, as an earlier Frontline wrote it.
std::filesystem::path makeVersion1(const TempDir &dir)
{
    std::ifstream in(std::filesystem::path(FRONTLINE_TEST_DATA_DIR) / "schema-v1.sql");
    const std::string sql{std::istreambuf_iterator<char>(in), {}};
    sqlite3 *raw = nullptr;
    sqlite3_open((dir / "v1.db").c_str(), &raw);
    EXPECT_EQ(sqlite3_exec(raw, sql.c_str(), nullptr, nullptr, nullptr), SQLITE_OK) << sqlite3_errmsg(raw);
    sqlite3_close(raw);
    return dir / "v1.db";
}
} // namespace

TEST(Database, ReadOnlyOpeningOfAnOlderSchemaSaysHowToUpgradeAndChangesNothing)
{
    TempDir dir;
    const auto path = makeVersion1(dir);
    const std::string before = bytesOf(path);
    auto db = Database::open(path, Database::Mode::ReadOnly);
    ASSERT_FALSE(db);
    EXPECT_NE(db.error().message.find("frontline upgrade"), std::string::npos) << db.error().message;
    EXPECT_EQ(bytesOf(path), before);
}

TEST(Database, UpgradesVersion1Files)
{
    TempDir dir;
    const auto path = makeVersion1(dir);
    {
        auto db = Database::open(path, Database::Mode::ReadWrite);
        ASSERT_TRUE(db) << db.error().message;
    }
    auto db = Database::open(path, Database::Mode::ReadOnly);
    ASSERT_TRUE(db) << db.error().message;
    auto version = db->prepare("PRAGMA user_version");
    ASSERT_TRUE(version.step());
    EXPECT_EQ(version.integer(0), Database::kSchemaVersion);
    ControlQueries q(*db);
    EXPECT_EQ(q.findDistrict("qal'et ash-sharif").value_or(""), "a"); // names gained match keys
    EXPECT_EQ(q.findDistrict("قلعة الشريف").value_or(""), "a");
    auto state = q.stateAt(Date(2016, 12, 1));
    ASSERT_TRUE(state);
    EXPECT_EQ(state->front().change->factions, std::vector<std::string>{"red"});
    auto hits = q.search("barrel");
    ASSERT_TRUE(hits);
    ASSERT_EQ(hits->size(), 1u);
    EXPECT_EQ(hits->front().changeId, "c2"); // old excerpts are searchable
}

TEST(Database, RefusesATruncatedFileWithoutTouchingIt)
{
    TempDir dir;
    {
        auto db = Database::open(dir / "full.db", Database::Mode::Create);
        ASSERT_TRUE(db);
        db->exec("CREATE TABLE filler(x); WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 5000) "
                 "INSERT INTO filler SELECT randomblob(200) FROM n");
    }
    const std::string full = bytesOf(dir / "full.db");
    std::ofstream(dir / "cut.db", std::ios::binary) << full.substr(0, full.size() / 2);
    const std::string before = bytesOf(dir / "cut.db");
    for (auto mode : {Database::Mode::ReadOnly, Database::Mode::ReadWrite}) {
        auto db = Database::open(dir / "cut.db", mode);
        ASSERT_FALSE(db);
        EXPECT_NE(db.error().message.find("damaged"), std::string::npos) << db.error().message;
    }
    EXPECT_EQ(bytesOf(dir / "cut.db"), before);
}

namespace {
//! Runs `check` as an unprivileged user (root ignores file permissions); it returns an error text or "".
void asUnprivilegedUser(const std::function<std::string()> &check)
{
    if (::geteuid() != 0) {
        const std::string error = check();
        EXPECT_EQ(error, "");
        return;
    }
    const pid_t child = ::fork();
    if (child == 0) {
        if (::setgid(65534) != 0 || ::setuid(65534) != 0)
            ::_exit(3);
        const std::string error = check();
        if (!error.empty())
            std::fprintf(stderr, "%s\n", error.c_str());
        ::_exit(error.empty() ? 0 : 1);
    }
    int status = 0;
    ::waitpid(child, &status, 0);
    EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0) << "status " << status;
}
} // namespace

TEST(Database, ReadOnlyFilesAndFoldersOpenForViewingOnly)
{
    TempDir dir;
    std::filesystem::create_directories(dir / "shelf");
    {
        auto db = Database::open(dir / "shelf/a.db", Database::Mode::Create);
        ASSERT_TRUE(db);
        db->exec("INSERT INTO factions VALUES ('g', 'Government', '#D55E00')");
    }
    namespace fs = std::filesystem;
    fs::permissions(dir / "shelf/a.db", fs::perms::owner_read | fs::perms::group_read | fs::perms::others_read);
    fs::permissions(dir / "shelf",
        fs::perms::owner_read | fs::perms::owner_exec | fs::perms::group_read | fs::perms::group_exec | fs::perms::others_read
            | fs::perms::others_exec);
    fs::permissions(dir.path(), fs::perms::all);
    const std::string before = bytesOf(dir / "shelf/a.db");
    asUnprivilegedUser([&]() -> std::string {
        auto writable = Database::open(dir / "shelf/a.db", Database::Mode::ReadWrite);
        if (writable)
            return "a read-only file was opened for writing";
        if (writable.error().message.find("read-only") == std::string::npos)
            return "unclear message: " + writable.error().message;
        auto readable = Database::open(dir / "shelf/a.db", Database::Mode::ReadOnly);
        if (!readable)
            return "cannot view a file in a read-only folder: " + readable.error().message;
        auto s = readable->prepare("SELECT name FROM factions");
        return s.step() && s.text(0) == "Government" ? "" : "wrong content";
    });
    EXPECT_EQ(bytesOf(dir / "shelf/a.db"), before);
    fs::permissions(dir / "shelf", fs::perms::owner_all);
}
