// SPDX-License-Identifier: MIT
#include "database.h"
#include "testdb.h"

#include <fstream>

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
