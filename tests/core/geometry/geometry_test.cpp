// SPDX-License-Identifier: MIT
// The one measure of area and the one Web Mercator, against values known independently.
#include "geometry/area.h"
#include "geometry/geos.h"
#include "geometry/hittest.h"
#include "geometry/webmercator.h"

#include <gtest/gtest.h>

#include <cmath>
#include <numbers>

using namespace frontline;

TEST(Area, AOneDegreeSquareAtTheEquatorAndAHoleInIt)
{
    const Polygon square{{{0, 0}, {1, 0}, {1, 1}, {0, 1}}};
    // One degree of longitude and of latitude near the equator: 111.32 km by 110.57 km, less a hair of cosine.
    EXPECT_NEAR(areaKm2({square}), 111.320 * 110.574, 5);
    Polygon holed = square;
    holed.push_back({{0.25, 0.25}, {0.75, 0.25}, {0.75, 0.75}, {0.25, 0.75}});
    EXPECT_NEAR(areaKm2({holed}), areaKm2({square}) * 0.75, 2);
    // Ring orientation does not matter.
    const Polygon clockwise{{{0, 0}, {0, 1}, {1, 1}, {1, 0}}};
    EXPECT_DOUBLE_EQ(areaKm2({clockwise}), areaKm2({square}));
}

TEST(Area, ShrinksWithTheCosineOfLatitudeAndReadsWkbAsPolygons)
{
    const Polygon aleppo{{{37.1, 36.2}, {37.2, 36.2}, {37.2, 36.3}, {37.1, 36.3}}};
    const Polygon equator{{{37.1, 0}, {37.2, 0}, {37.2, 0.1}, {37.1, 0.1}}};
    EXPECT_NEAR(areaKm2({aleppo}) / areaKm2({equator}), std::cos(36.25 * std::numbers::pi / 180), 1e-3);
    geos::Context ctx;
    const auto g = geos::fromPolygon(ctx, aleppo);
    EXPECT_NEAR(areaKm2(geos::toWkb(ctx, g.get())), areaKm2({aleppo}), 1e-9);
    EXPECT_EQ(areaKm2(std::vector<unsigned char>{1, 2, 3}), 0);
}

TEST(WebMercator, ProjectsAsSlippyMapsDo)
{
    const auto origin = webmercator::project({0, 0});
    EXPECT_DOUBLE_EQ(origin.x, 0.5);
    EXPECT_NEAR(origin.y, 0.5, 1e-12);
    EXPECT_NEAR(webmercator::project({180, webmercator::kMaxLatitude}).y, 0, 1e-9);
    EXPECT_NEAR(webmercator::project({0, 89.9}).y, 0, 1e-9); // clamped to the square
    const LonLat aleppo{37.16, 36.2};
    const LonLat back = webmercator::unproject(webmercator::project(aleppo));
    EXPECT_NEAR(back.lon, aleppo.lon, 1e-9);
    EXPECT_NEAR(back.lat, aleppo.lat, 1e-9);
}

TEST(WebMercator, TilesCoveringAViewAreTheZxyTilesThere)
{
    // Aleppo at zoom 10 lies in tile x 617, y 401 (the z/x/y scheme of OpenStreetMap's tiles).
    const auto one = webmercator::tilesCovering({37.16, 36.2}, {37.161, 36.199}, 10, 100);
    ASSERT_EQ(one.size(), 1u);
    EXPECT_EQ(one[0].x, 617);
    EXPECT_EQ(one[0].y, 401);
    EXPECT_NEAR(one[0].northWest.lon, 617.0 / 1024 * 360 - 180, 1e-9);
    const auto world = webmercator::tilesCovering({-180, 85}, {180, -85}, 2, 100);
    EXPECT_EQ(world.size(), 16u);
    EXPECT_EQ(webmercator::tilesCovering({-180, 85}, {180, -85}, 2, 5).size(), 8u); // whole columns up to the limit
}

TEST(HitTest, APointInARingIsInsideAndInAHoleOutside)
{
    Polygon holed{{{0, 0}, {4, 0}, {4, 4}, {0, 4}}, {{1, 1}, {3, 1}, {3, 3}, {1, 3}}};
    EXPECT_TRUE(contains(holed, {0.5, 0.5}));
    EXPECT_FALSE(contains(holed, {2, 2})); // in the hole
    EXPECT_FALSE(contains(holed, {5, 2}));
    const Polygon concave{{{0, 0}, {4, 0}, {4, 4}, {2, 1}, {0, 4}}}; // a notch from the top
    EXPECT_TRUE(contains(concave, {1, 0.5}));
    EXPECT_FALSE(contains(concave, {2, 3}));
    District a{.number = 1, .id = "a", .parts = {concave}, .bbox = {{0, 0}, {4, 4}}};
    District b{.number = 2, .id = "b", .parts = {Polygon{holed[1]}}, .bbox = {{1, 1}, {3, 3}}};
    const std::vector<District> districts{a, b};
    EXPECT_EQ(districtAt(districts, {2, 3.5}), nullptr); // in a's box, in no district
    EXPECT_EQ(districtAt(districts, {2, 0.5})->id, "a");
    EXPECT_EQ(districtAt(districts, {2, 1.5})->id, "b"); // a's box and b's ring: b
}
