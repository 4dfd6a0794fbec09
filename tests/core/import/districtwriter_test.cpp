// SPDX-License-Identifier: MIT
// Districts as importers store them: new ids added, known ones replaced with their changes kept, every name
// findable, and shared borders recomputed once.
#include "core/testdb.h"
#include "geometry/geos.h"
#include "import/districtwriter.h"
#include "import/importsupport.h"
#include "query/districtresolver.h"

using namespace frontline;
using frontline::test::TempDir;

namespace {

//! A square from (lon, lat) with side `size` degrees, as WKB.
std::vector<unsigned char> square(double lon, double lat, double size)
{
    geos::Context ctx;
    const Polygon polygon{{{lon, lat}, {lon + size, lat}, {lon + size, lat + size}, {lon, lat + size}, {lon, lat}}};
    return geos::toWkb(ctx, geos::fromPolygon(ctx, polygon).get());
}

class DistrictWriting : public ::testing::Test {
protected:
    void SetUp() override
    {
        auto db = Database::open(m_dir / "districts.db", Database::Mode::Create);
        ASSERT_TRUE(db);
        m_db.emplace(std::move(*db));
    }
    [[nodiscard]] std::string text(const std::string &sql) const
    {
        auto s = m_db->prepare(sql);
        return s.step() && !s.isNull(0) ? s.text(0) : std::string();
    }
    TempDir m_dir;
    std::optional<Database> m_db;
};

} // namespace

TEST_F(DistrictWriting, AddsThenReplacesKeepingChanges)
{
    {
        Transaction transaction(*m_db);
        DistrictWriter writer(*m_db);
        EXPECT_TRUE(writer.write({.id = "a",
            .name = "Bab al-Nairab",
            .nameArabic = "باب النيرب",
            .altNames = {"Bab an-Nayrab"},
            .geometry = square(37.0, 36.0, 0.01)}));
        EXPECT_TRUE(writer.write(
            {.id = "b", .name = "Tariq al-Bab", .geometry = square(37.01, 36.0, 0.01), .anchor = LonLat{37.012, 36.003}}));
        transaction.commit();
    }
    EXPECT_EQ(text("SELECT count(*) FROM districts"), "2");
    // The box and the anchor: computed from the polygon unless given.
    EXPECT_EQ(text("SELECT printf('%.3f %.3f %.3f %.3f %.3f %.3f', min_lon, min_lat, max_lon, max_lat, centroid_lon, "
                   "centroid_lat) FROM districts WHERE id = 'a'"),
        "37.000 36.000 37.010 36.010 37.005 36.005");
    EXPECT_EQ(text("SELECT printf('%.3f %.3f', centroid_lon, centroid_lat) FROM districts WHERE id = 'b'"), "37.012 36.003");
    const DistrictResolver resolver(*m_db);
    for (const char *name : {"Bab al-Nairab", "باب النيرب", "bab an-NAYRAB"})
        EXPECT_EQ(resolver.resolve(name).value_or("?"), "a") << name;

    m_db->exec("INSERT INTO factions (id, name, colour) VALUES ('f', 'F', '#000000')");
    m_db->exec("INSERT INTO controls (num, state, confidence, factions) VALUES (1, 'held', 'high', 'f')");
    m_db->exec("INSERT INTO changes (id, day, district, control) SELECT 'c1', 17000, num, 1 FROM districts WHERE id = 'a'");
    {
        Transaction transaction(*m_db);
        DistrictWriter writer(*m_db);
        EXPECT_FALSE(writer.write({.id = "a", .name = "Bab al-Nayrab", .geometry = square(37.0, 36.0, 0.02)}));
        transaction.commit();
    }
    EXPECT_EQ(text("SELECT count(*) FROM districts"), "2");
    EXPECT_EQ(text("SELECT name || ' ' || printf('%.2f', max_lon) FROM districts WHERE id = 'a'"), "Bab al-Nayrab 37.02");
    EXPECT_EQ(text("SELECT count(*) FROM changes"), "1"); // the change stays with the replaced district
    // Its old names are gone, the new one is found.
    const DistrictResolver again(*m_db);
    EXPECT_FALSE(again.resolve("Bab an-Nayrab"));
    EXPECT_EQ(again.resolve("Bab al-Nayrab").value_or("?"), "a");
}

TEST_F(DistrictWriting, SharedBordersRecomputedOnce)
{
    Transaction transaction(*m_db);
    DistrictWriter writer(*m_db);
    ASSERT_TRUE(writer.write({.id = "west", .name = "West", .geometry = square(37.0, 36.0, 0.01)}));
    ASSERT_TRUE(writer.write({.id = "east", .name = "East", .geometry = square(37.01, 36.0, 0.01)}));
    ASSERT_TRUE(writer.write({.id = "far", .name = "Far", .geometry = square(37.5, 36.5, 0.01)}));
    EXPECT_EQ(writer.rebuildAdjacency(), 1);
    EXPECT_EQ(text("SELECT a || '|' || b FROM adjacency"), "east|west");
    ASSERT_TRUE(writer.write({.id = "north", .name = "North", .geometry = square(37.0, 36.01, 0.02)}));
    EXPECT_EQ(writer.rebuildAdjacency(), 3); // north touches both: borders rebuilt, not appended
    EXPECT_EQ(text("SELECT count(*) FROM adjacency"), "3");
    transaction.commit();
}

TEST_F(DistrictWriting, UnreadableGeometryIsRefused)
{
    Transaction transaction(*m_db);
    DistrictWriter writer(*m_db);
    try {
        (void)writer.write({.id = "x", .name = "X", .geometry = {1, 2, 3}});
        ADD_FAILURE() << "stored a district whose geometry is not WKB";
    } catch (const importing::ImportError &e) {
        EXPECT_TRUE(std::string_view(e.what()).starts_with("district x: its geometry cannot be read")) << e.what();
    }
}
