// SPDX-License-Identifier: MIT
// A .frontline file from an unknown hand can change nothing but itself: a schema that is not exactly Frontline's
// is refused for viewing and for writing, with the object named, and the file stays byte for byte as it was.
#include "core/testdb.h"
#include "import/datasetimporter.h"
#include "import/tableimport.h"
#include "query/controlqueries.h"
#include "storage/untrusted.h"

#include <algorithm>
#include <fstream>
#include <sstream>

using namespace frontline;
using frontline::test::TempDir;

namespace {
std::string bytes(const std::filesystem::path &file)
{
    std::ostringstream out;
    out << std::ifstream(file, std::ios::binary).rdbuf();
    return out.str();
}

//! The bundled dataset in a new file, changed by `sql` through a plain SQLite connection, as a tamperer would.
std::filesystem::path tampered(const TempDir &dir, const std::string &sql)
{
    {
        auto db = Database::open(dir / "a.db", Database::Mode::Create);
        EXPECT_TRUE(db && importDataset(*db, test::kBundledDataset));
    }
    sqlite3 *raw = nullptr;
    sqlite3_open((dir / "a.db").c_str(), &raw);
    char *error = nullptr;
    EXPECT_EQ(
        sqlite3_exec(raw, ("PRAGMA journal_mode = DELETE; PRAGMA foreign_keys = OFF; " + sql).c_str(), nullptr, nullptr, &error),
        SQLITE_OK)
        << (error ? error : "");
    sqlite3_free(error);
    sqlite3_close(raw);
    return dir / "a.db";
}

struct Tampering {
    std::string sql;
    std::string named; //!< what the refusal says
};

void PrintTo(const Tampering &t, std::ostream *out)
{
    *out << t.named;
}

class UntrustedFile : public ::testing::TestWithParam<Tampering> { };
} // namespace

TEST_P(UntrustedFile, IsRefusedForViewingWritingAndUpgradingWithTheObjectNamedAndStaysByteIdentical)
{
    TempDir dir;
    const auto file = tampered(dir, GetParam().sql);
    const std::string before = bytes(file);
    std::ofstream(dir / "one.csv") << "date,district,holder\n2016-12-23,Hanano,rebels\n";
    for (const auto mode : {Database::Mode::ReadOnly, Database::Mode::ReadWrite}) {
        auto db = Database::open(file, mode);
        ASSERT_FALSE(db);
        EXPECT_NE(db.error().message.find(GetParam().named), std::string::npos) << db.error().message;
    }
    auto problems = Database::inspect(file);
    ASSERT_TRUE(problems) << problems.error().message;
    EXPECT_TRUE(std::ranges::any_of(*problems, [&](const std::string &p) { return p.contains(GetParam().named); }))
        << (problems->empty() ? "no problem found" : problems->front());
    EXPECT_EQ(bytes(file), before);
    EXPECT_FALSE(std::filesystem::exists(dir / "a.db-wal"));
}

INSTANTIATE_TEST_SUITE_P(Cases, UntrustedFile,
    ::testing::Values(
        Tampering{"CREATE TRIGGER zz AFTER INSERT ON changes BEGIN UPDATE districts SET name = 'PWNED ' || name; END",
            "trigger zz on changes is not part of a Frontline database"},
        Tampering{"CREATE VIEW extra AS SELECT 1", "view extra is not part of a Frontline database"},
        Tampering{"DROP VIEW change_list; CREATE VIEW change_list AS SELECT 1 AS id",
            "view change_list differs from Frontline's own definition"},
        Tampering{"CREATE TABLE notes (x)", "table notes is not part of a Frontline database"},
        Tampering{"DROP INDEX changes_by_district; CREATE INDEX changes_by_district ON changes (district)",
            "index changes_by_district on changes differs from Frontline's own definition"},
        Tampering{"DROP TABLE incident_evidence; CREATE VIEW incident_evidence AS SELECT 'i' AS incident_id, 'e' AS "
                  "excerpt_id",
            "table incident_evidence is replaced by a view"},
        Tampering{"DROP INDEX incidents_by_day", "index incidents_by_day on incidents is missing"}),
    [](const auto &info) { return "case" + std::to_string(info.index); });

TEST(UntrustedFile, FrontlinesOwnFilesAndAnalyzedOnesPass)
{
    TempDir dir;
    const auto file = tampered(dir, "ANALYZE"); // statistics SQLite makes steer plans only
    auto problems = Database::inspect(file);
    ASSERT_TRUE(problems) << problems.error().message;
    EXPECT_TRUE(problems->empty()) << problems->front();
    EXPECT_TRUE(Database::open(file, Database::Mode::ReadWrite));
}

TEST(UntrustedFile, AGeometryOverTheLimitIsRefusedByItsDistrict)
{
    TempDir dir;
    const auto file =
        tampered(dir, std::format("UPDATE districts SET geometry = zeroblob({}) WHERE id = '65'", kMaxValueBytes + 1));
    auto db = Database::open(file, Database::Mode::ReadOnly);
    ASSERT_TRUE(db) << db.error().message;
    auto districts = ControlQueries(*db).districts(true);
    ASSERT_FALSE(districts);
    EXPECT_NE(districts.error().message.find("district 65"), std::string::npos) << districts.error().message;
}

TEST(UntrustedFile, AnExcerptOverTheLimitIsRefusedByItsId)
{
    TempDir dir;
    const auto file = tampered(dir,
        std::format("UPDATE excerpts SET text = CAST(zeroblob({}) AS TEXT) WHERE id = (SELECT excerpt_id FROM evidence_list "
                    "WHERE change_id = (SELECT id FROM change_list WHERE district_id = '65' LIMIT 1) LIMIT 1)",
            kMaxValueBytes + 1));
    auto db = Database::open(file, Database::Mode::ReadOnly);
    ASSERT_TRUE(db) << db.error().message;
    auto history = ControlQueries(*db).history("65");
    ASSERT_FALSE(history);
    EXPECT_NE(history.error().message.find("excerpt "), std::string::npos) << history.error().message;
    EXPECT_NE(history.error().message.find("over the 64 MB"), std::string::npos) << history.error().message;
}

TEST(UntrustedFile, ConnectionsAreDefensive)
{
    TempDir dir;
    const auto file = tampered(dir, "SELECT 1");
    auto db = Database::open(file, Database::Mode::ReadWrite);
    ASSERT_TRUE(db);
    EXPECT_THROW(db->exec("PRAGMA writable_schema = ON; UPDATE sqlite_schema SET sql = 'x' WHERE name = 'changes'"), SqlError);
    EXPECT_THROW(db->exec("SELECT load_extension('/tmp/x.so')"), SqlError);
    EXPECT_THROW(db->exec(std::format("SELECT zeroblob({})", kMaxValueBytes + 1).c_str()), SqlError);
    int trusted = -1;
    sqlite3_db_config(db->handle(), SQLITE_DBCONFIG_TRUSTED_SCHEMA, -1, &trusted);
    EXPECT_EQ(trusted, 0);
}
