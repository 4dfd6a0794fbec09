// SPDX-License-Identifier: MIT
// Finding a district as people write it: by id, or by any name without regard to case, diacritics or apostrophes.
#include "core/testdb.h"
#include "import/datasetimporter.h"
#include "query/districtresolver.h"

using namespace frontline;
using frontline::test::TempDir;

class DistrictResolverTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        auto db = Database::open(m_dir / "aleppo.db", Database::Mode::Create);
        ASSERT_TRUE(db);
        ASSERT_TRUE(importDataset(*db, test::kBundledDataset));
        m_db.emplace(std::move(*db));
    }
    TempDir m_dir;
    std::optional<Database> m_db;
};

TEST_F(DistrictResolverTest, FindsByIdOrAnyWayOfWritingTheName)
{
    const DistrictResolver resolver(*m_db);
    EXPECT_EQ(resolver.resolve("65").value(), "65");
    for (const char *written : {"Hanano", "HANANO", "  hanano ", "Hānānō"})
        EXPECT_EQ(resolver.resolve(written).value_or("?"), "65") << written;
    for (const char *written : {"Sheikh Sa'eed", "Sheikh Sa’eed", "SHEIKH SA'EED", "Sheikh Saeed"})
        EXPECT_EQ(resolver.resolve(written).value_or("?"), resolver.resolve("Sheikh Sa’eed").value_or("!")) << written;
    EXPECT_EQ(resolver.resolve("هنانو").value_or("?"), "65"); // the Arabic name
}

TEST_F(DistrictResolverTest, AmbiguousAndUnknownNamesAreErrorsThatSaySo)
{
    const DistrictResolver resolver(*m_db);
    const auto ambiguous = resolver.resolve("Tishreen");
    ASSERT_FALSE(ambiguous);
    for (const char *id : {"121", "121b", "121c"})
        EXPECT_NE(ambiguous.error().message.find(id), std::string::npos) << ambiguous.error().message;
    const auto unknown = resolver.resolve("Atlantis");
    ASSERT_FALSE(unknown);
    EXPECT_NE(unknown.error().message.find("Atlantis"), std::string::npos) << unknown.error().message;
    EXPECT_EQ(unknown.error().message.find("nearest"), std::string::npos) << "nothing is near Atlantis";
}

TEST_F(DistrictResolverTest, AMisspelledNameIsToldTheNearestNames)
{
    const DistrictResolver resolver(*m_db);
    const auto misspelled = resolver.resolve("Hananu");
    ASSERT_FALSE(misspelled);
    EXPECT_NE(misspelled.error().message.find("nearest names: \"Hanano\""), std::string::npos) << misspelled.error().message;
    const auto typo = resolver.resolve("Sheik Saeed");
    ASSERT_FALSE(typo);
    EXPECT_NE(typo.error().message.find("Sheikh Sa"), std::string::npos) << typo.error().message;
}

TEST_F(DistrictResolverTest, NumbersAreTheStoredOnes)
{
    const DistrictResolver resolver(*m_db);
    auto s = m_db->prepare("SELECT id, num FROM districts");
    int checked = 0;
    while (s.step()) {
        EXPECT_EQ(resolver.numberOfId(s.text(0)), s.integer(1)) << s.text(0);
        EXPECT_EQ(resolver.number(s.text(0)), s.integer(1));
        ++checked;
    }
    EXPECT_EQ(checked, 133);
    EXPECT_EQ(resolver.numberOfId("Hanano"), std::nullopt); // ids only: names go through resolve()
}
