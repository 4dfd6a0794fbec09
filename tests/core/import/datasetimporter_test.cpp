// SPDX-License-Identifier: MIT
#include "core/testdb.h"
#include "import/datasetimporter.h"
#include "query/controlqueries.h"

#include <fstream>

using namespace frontline;
using frontline::test::TempDir;

namespace {
int count(const Database &db, const char *table)
{
    auto s = db.prepare(std::string("SELECT count(*) FROM ") + table);
    s.step();
    return int(s.integer(0));
}

//! A copy of the bundled dataset where `file` is replaced by `content`.
std::filesystem::path brokenCopy(const TempDir &dir, const std::string &file, const std::string &content)
{
    const auto copy = dir / "dataset";
    std::filesystem::copy(test::kBundledDataset, copy, std::filesystem::copy_options::recursive);
    std::ofstream(copy / file, std::ios::trunc) << content;
    return copy;
}
} // namespace

TEST(DatasetImporter, ImportsBundledDataset)
{
    TempDir dir;
    auto db = Database::open(dir / "a.db", Database::Mode::Create);
    ASSERT_TRUE(db);
    auto summary = importDataset(*db, test::kBundledDataset);
    ASSERT_TRUE(summary) << summary.error().message;
    EXPECT_EQ(summary->count("districts"), 133);
    EXPECT_EQ(summary->count("factions"), 3);
    EXPECT_GT(summary->count("changes"), 133);
    EXPECT_GT(summary->count("shared borders"), 133); // a Voronoi cell has several neighbours
    EXPECT_EQ(count(*db, "districts"), 133);
    EXPECT_EQ(count(*db, "changes"), summary->count("changes"));
    EXPECT_EQ(count(*db, "evidence"), summary->count("evidence links"));
}

TEST(DatasetImporter, ImportingTwiceFailsAndChangesNothing)
{
    TempDir dir;
    auto db = Database::open(dir / "a.db", Database::Mode::Create);
    ASSERT_TRUE(importDataset(*db, test::kBundledDataset));
    const int changes = count(*db, "changes");
    auto again = importDataset(*db, test::kBundledDataset);
    ASSERT_FALSE(again);
    EXPECT_NE(again.error().message.find("factions.csv:2: this row's id is already in the database"), std::string::npos)
        << again.error().message;
    EXPECT_EQ(again.error().message.find("constraint"), std::string::npos) << again.error().message; // no SQL words
    EXPECT_EQ(count(*db, "changes"), changes);
}

TEST(DatasetImporter, TheManifestTakesLicenceInEitherSpelling)
{
    for (const std::string key : {"licence", "license"}) {
        auto manifest = parseManifest("format = frontline-dataset-1\n" + key + " = CC BY 4.0\n", "manifest.ini");
        ASSERT_TRUE(manifest) << manifest.error().message;
        EXPECT_EQ(manifest->value("license"), "CC BY 4.0") << key;
    }
}

struct BadInput {
    std::string file;
    std::string content;
    std::string expected; //!< part of the error message
};

void PrintTo(const BadInput &input, std::ostream *out)
{
    *out << input.file << " -> " << input.expected;
}

class DatasetImporterBadInput : public ::testing::TestWithParam<BadInput> { };

TEST_P(DatasetImporterBadInput, IsRefusedWithFileAndLineAndWritesNothing)
{
    TempDir dir;
    const auto folder = brokenCopy(dir, GetParam().file, GetParam().content);
    auto db = Database::open(dir / "a.db", Database::Mode::Create);
    auto result = importDataset(*db, folder);
    ASSERT_FALSE(result);
    EXPECT_NE(result.error().message.find(GetParam().expected), std::string::npos) << result.error().message;
    for (const char *table :
        {"factions", "districts", "district_names", "adjacency", "changes", "sources", "excerpts", "evidence", "metadata"})
        EXPECT_EQ(count(*db, table), 0) << table;
}

INSTANTIATE_TEST_SUITE_P(Cases, DatasetImporterBadInput,
    ::testing::Values(
        BadInput{"changes.csv", "id,date,district_id,state,factions,confidence\nx1,2016-02-30,65,held,rebels,high\n",
            "changes.csv:2: invalid date \"2016-02-30\""},
        BadInput{"changes.csv", "id,date,district_id,state,factions,confidence\nx1,30/11/2016,65,held,rebels,high\n",
            "changes.csv:2: invalid date"},
        BadInput{"changes.csv", "id,date,district_id,state,factions,confidence\nx1,2016-11-30,65,held,martians,high\n",
            "changes.csv:2: unknown faction \"martians\""},
        BadInput{"changes.csv", "id,date,district_id,state,factions,confidence\nx1,2016-11-30,nowhere,held,rebels,high\n",
            "unknown district \"nowhere\""},
        BadInput{"changes.csv", "id,date,district_id,state,factions,confidence\nx1,2016-11-30,65,contested,rebels,high\n",
            "at least two factions"},
        BadInput{"changes.csv", "", "changes.csv: the file is empty"},
        BadInput{"changes.csv", "date,district\n2016-11-30,65\n", "changes.csv:1: missing column \"factions\""},
        BadInput{"factions.csv", "id,name,colour\ng,Government,red\n", "factions.csv:2: colour \"red\" is not #RRGGBB"},
        BadInput{
            "districts.csv", "id,name,lat,lon\na,A,36.2,37.1\nb,B,360,37.2\n", "districts.csv:3: \"360\" is not a valid lat"},
        BadInput{"districts.csv", "id,name,lat,lon\na,A,36.2,37.1\na,B,36.3,37.2\n", "district id \"a\" repeats"},
        BadInput{"changes.csv", "id,date,district_id,state,factions,confidence\nx1,2016-11-30,65,held,rebels,very\n",
            "changes.csv:2: invalid confidence \"very\""},
        BadInput{"changes.csv", "id,date,district_id,state,factions,confidence\nx1,2016-11-30,tishreen,held,rebels,high\n",
            "changes.csv:2: \"tishreen\" names 3 districts: 121 (Tishreen), 121b (Tishreen), 121c (Tishreen); use an id"},
        BadInput{"changes.csv", std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16), "changes.csv:1: missing column \"date\""},
        BadInput{"evidence.csv", "change_id,excerpt_id,stance\nc001,e001,maybe\n", "evidence.csv:2: invalid stance \"maybe\""},
        BadInput{"manifest.ini", "format = frontline-dataset-1\nstart = 15/11/2016\n",
            "start = \"15/11/2016\" is not a YYYY-MM-DD date"},
        BadInput{"excerpts.csv", "id,source_id,kind,text\ne1,s001,note,caf\xe9 in Latin-1\n",
            "excerpts.csv:2: column \"text\" is not valid UTF-8"},
        BadInput{"manifest.ini", "name = x\n", "format = frontline-dataset-1"}),
    [](const auto &info) { return "case" + std::to_string(info.index); });

TEST(DatasetImporter, AHundredMegabyteLineIsRefusedNotSwallowed)
{
    TempDir dir;
    const auto folder =
        // NOLINTNEXTLINE(bugprone-string-constructor): the line is meant to be this long
        brokenCopy(dir, "changes.csv", "id,date,district_id,state,factions,confidence\n" + std::string(100'000'000, 'x'));
    auto db = Database::open(dir / "a.db", Database::Mode::Create);
    auto result = importDataset(*db, folder);
    ASSERT_FALSE(result);
    EXPECT_NE(result.error().message.find("changes.csv:2: cannot read the next record"), std::string::npos)
        << result.error().message;
    EXPECT_EQ(count(*db, "changes"), 0);
}

TEST(DatasetImporter, ReadsQuotedMultilineFieldsBomAndCrlfAndMatchesNamesLoosely)
{
    TempDir dir;
    const auto folder = brokenCopy(dir, "evidence.csv", "change_id,excerpt_id,stance\n");
    std::ofstream(folder / "changes.csv", std::ios::trunc | std::ios::binary)
        << "\xEF\xBB\xBFid,date,district_id,state,factions,confidence,note\r\n"
        << "x1,2016-11-30,\"QAL'ET ASH-SHARIF\",held,rebels,high,\"two\r\nlines, with \"\"quotes\"\"\"\r\n";
    auto db = Database::open(dir / "a.db", Database::Mode::Create);
    auto result = importDataset(*db, folder);
    ASSERT_TRUE(result) << result.error().message;
    auto history = ControlQueries(*db).history("98");
    ASSERT_TRUE(history);
    ASSERT_EQ(history->size(), 1u);
    EXPECT_EQ(history->front().change.note, "two\nlines, with \"quotes\""); // GDAL reads CRLF inside a field as LF
}
