// SPDX-License-Identifier: MIT
// Prepared statements: every type bound and read back, errors as SqlError inside the core and as values at its edge.
#include "core/testdb.h"
#include "storage/statement.h"

using namespace frontline;
using frontline::test::TempDir;

namespace {
Database scratch(const TempDir &dir)
{
    auto db = Database::open(dir / "scratch.db", Database::Mode::Create);
    EXPECT_TRUE(db) << (db ? "" : db.error().message);
    db->exec("CREATE TEMP TABLE t (a, b, c, d, e)");
    return std::move(*db);
}
} // namespace

TEST(Statement, BindsAndReadsEveryType)
{
    TempDir dir;
    const Database db = scratch(dir);
    const std::vector<unsigned char> blob{0, 1, 2, 255};
    auto insert = db.prepare("INSERT INTO t VALUES (?, ?, ?, ?, ?)");
    insert.bindAll(std::string("مرحبا"), std::int64_t(1) << 40, 2.5, std::span<const unsigned char>(blob), std::nullopt).run();
    auto read = db.prepare("SELECT a, b, c, d, e FROM t");
    ASSERT_TRUE(read.step());
    EXPECT_EQ(read.text(0), "مرحبا");
    EXPECT_EQ(read.integer(1), std::int64_t(1) << 40);
    EXPECT_DOUBLE_EQ(read.real(2), 2.5);
    EXPECT_EQ(read.blob(3), blob);
    EXPECT_TRUE(read.isNull(4));
    EXPECT_EQ(read.text(4), ""); // NULL reads as empty text
    EXPECT_FALSE(read.step());
}

TEST(Statement, EmptyTextCanBeStoredAsNull)
{
    TempDir dir;
    const Database db = scratch(dir);
    auto insert = db.prepare("INSERT INTO t (a, b) VALUES (?, ?)");
    insert.reset();
    insert.bindTextOrNull(1, "");
    insert.bindTextOrNull(2, "x");
    insert.run();
    auto read = db.prepare("SELECT a IS NULL, b FROM t");
    ASSERT_TRUE(read.step());
    EXPECT_EQ(read.integer(0), 1);
    EXPECT_EQ(read.text(1), "x");
}

TEST(Statement, BindingAgainRunsItAgain)
{
    TempDir dir;
    const Database db = scratch(dir);
    auto insert = db.prepare("INSERT INTO t (a) VALUES (?)");
    for (int i = 0; i < 3; ++i)
        insert.bindAll(i).run();
    auto count = db.prepare("SELECT count(*), sum(a) FROM t WHERE a >= ?");
    count.bindAll(1);
    ASSERT_TRUE(count.step());
    EXPECT_EQ(count.integer(0), 2);
    EXPECT_EQ(count.integer(1), 3);
    count.bindAll(0); // a new run from the start, not the rest of the last one
    ASSERT_TRUE(count.step());
    EXPECT_EQ(count.integer(0), 3);
}

TEST(Statement, ErrorsAreSqlErrorsInsideAndValuesAtTheEdge)
{
    TempDir dir;
    const Database db = scratch(dir);
    EXPECT_THROW((void)db.prepare("SELECT * FROM no_such_table"), SqlError);
    EXPECT_THROW(db.prepare("INSERT INTO t (a) VALUES (?)").bindAll(1, 2), SqlError); // no second parameter

    const Result<int> value = guarded([&]() -> Result<int> {
        db.prepare("SELECT nonsense FROM t").step();
        return 1;
    });
    ASSERT_FALSE(value);
    EXPECT_EQ(value.error().message, "database error: no such column: nonsense");
    try { // and back inside: the same message, said once by whoever catches it
        (void)orThrow(value);
        FAIL() << "orThrow did not throw";
    } catch (const SqlError &e) {
        EXPECT_STREQ(e.what(), "no such column: nonsense");
    }
    EXPECT_EQ(orThrow(Result<int>(7)), 7);
}
