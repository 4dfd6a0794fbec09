// SPDX-License-Identifier: MIT
// A large CSV file with quoted line breaks, CRLF and bad bytes: rows in order, every line number right, the
// first error named by its line.
#include "core/testdb.h"
#include "import/csvtable.h"

#include <fstream>
#include <set>

using namespace frontline;
using frontline::test::TempDir;

namespace {
struct Row {
    std::string id, text;
    long line;
};

//! 12 MB of rows, every seventh with a quoted field holding a line break, a comma and a doubled quote;
//! `bad` rows get a byte that is not UTF-8.
std::vector<Row> writeLargeFile(const std::filesystem::path &path, const std::set<int> &bad = {})
{
    std::ofstream out(path, std::ios::binary);
    out << "id,text,padding\n";
    std::vector<Row> rows;
    long line = 2;
    const std::string padding(80, 'x');
    for (int i = 0; out.tellp() < std::streampos(12 << 20); ++i) {
        const bool quoted = i % 7 == 0;
        std::string text = quoted ? std::format("first {}\nsecond, \"third\"", i) : std::format("plain {}", i);
        if (bad.contains(i))
            text += '\xff';
        rows.push_back({std::format("r{}", i), text, line});
        if (quoted) {
            out << "r" << i << ",\"first " << i << "\nsecond, \"\"third\"\"" << (bad.contains(i) ? "\xff" : "") << "\","
                << padding << "\r\n";
            line += 2;
        } else {
            out << "r" << i << ',' << text << ',' << padding << "\r\n";
            line += 1;
        }
    }
    return rows;
}
} // namespace

TEST(CsvTable, ALargeFileComesInFileOrderWithEveryLineNumberRight)
{
    TempDir dir;
    const auto rows = writeLargeFile(dir / "large.csv");
    auto t = CsvTable::open(dir / "large.csv", {"id", "text"});
    ASSERT_TRUE(t) << t.error().message;
    const int id = t->column("id"), text = t->column("text");
    std::size_t n = 0;
    while (t->next()) {
        ASSERT_LT(n, rows.size());
        ASSERT_EQ(t->field(id), rows[n].id);
        ASSERT_EQ(t->field(text), rows[n].text) << "row " << n;
        ASSERT_EQ(t->line(), rows[n].line) << "row " << n;
        ++n;
    }
    EXPECT_EQ(t->error(), "");
    EXPECT_EQ(n, rows.size());
}

TEST(CsvTable, AnErrorLateInALargeFileNamesItsLine)
{
    TempDir dir;
    const auto rows = writeLargeFile(dir / "large.csv", {100'000});
    auto t = CsvTable::open(dir / "large.csv", {"id"});
    ASSERT_TRUE(t);
    std::size_t n = 0;
    while (t->next())
        ++n;
    EXPECT_EQ(n, 100'000u); // every row before the bad one, none after
    EXPECT_EQ(
        t->error(), std::format("large.csv:{}: column \"text\" is not valid UTF-8 (save the file as UTF-8)", rows[100'000].line));
}

TEST(CsvTable, TheFirstErrorInTheFileIsTheOneReported)
{
    TempDir dir;
    const auto rows = writeLargeFile(dir / "large.csv", {1000, 100'000});
    auto t = CsvTable::open(dir / "large.csv", {"id"});
    ASSERT_TRUE(t);
    std::size_t n = 0;
    while (t->next())
        ++n;
    EXPECT_EQ(n, 1000u);
    EXPECT_NE(t->error().find(std::format("large.csv:{}:", rows[1000].line)), std::string::npos) << t->error();
}
