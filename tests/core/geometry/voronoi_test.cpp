// SPDX-License-Identifier: MIT
#include "geometry/adjacency.h"
#include "geometry/geos.h"
#include "geometry/hatch.h"
#include "geometry/voronoi.h"

#include <gtest/gtest.h>

#include <cmath>
#include <numbers>

using namespace frontline;

TEST(Voronoi, EachPointLiesInItsOwnCell)
{
    const std::vector<LonLat> points{{37.10, 36.20}, {37.12, 36.20}, {37.11, 36.22}, {37.13, 36.23}};
    auto cells = voronoiCells(points);
    ASSERT_TRUE(cells) << cells.error().message;
    ASSERT_EQ(cells->size(), points.size());
    geos::Context ctx;
    for (std::size_t i = 0; i < points.size(); ++i) {
        auto cell = geos::fromWkb(ctx, (*cells)[i]);
        ASSERT_TRUE(cell);
        auto point = geos::own(ctx, GEOSGeom_createPointFromXY_r(ctx.handle(), points[i].lon, points[i].lat));
        EXPECT_EQ(GEOSContains_r(ctx.handle(), cell.get(), point.get()), 1) << i;
    }
}

TEST(Voronoi, NeighbouringCellsShareBorders)
{
    std::vector<LonLat> grid; // 3 x 3 points: 6 horizontal and 6 vertical neighbours; diagonals meet at a point only
    for (int row = 0; row < 3; ++row)
        for (int column = 0; column < 3; ++column)
            grid.push_back({37.10 + 0.01 * column, 36.20 + 0.008 * row});
    auto cells = voronoiCells(grid);
    ASSERT_TRUE(cells);
    EXPECT_EQ(sharedBorders(*cells).size(), 12u);
}

TEST(Voronoi, RefusesTooFewPoints)
{
    EXPECT_FALSE(voronoiCells({{37.1, 36.2}}));
}

TEST(Geometry, AMillionVertexPolygonIsSimplifiedForDisplay)
{
    geos::Context ctx;
    const unsigned n = 1'000'000;
    GEOSCoordSequence *ring = GEOSCoordSeq_create_r(ctx.handle(), n + 1, 2);
    for (unsigned i = 0; i <= n; ++i) {
        const double a = 2 * std::numbers::pi * (i % n) / n;
        GEOSCoordSeq_setXY_r(ctx.handle(), ring, i, 37.15 + 0.01 * std::cos(a), 36.2 + 0.01 * std::sin(a));
    }
    auto disc =
        geos::own(ctx, GEOSGeom_createPolygon_r(ctx.handle(), GEOSGeom_createLinearRing_r(ctx.handle(), ring), nullptr, 0));
    ASSERT_GE(GEOSGetNumCoordinates_r(ctx.handle(), disc.get()), 1'000'000);
    auto small = geos::simplified(ctx, std::move(disc), 4000);
    EXPECT_LE(GEOSGetNumCoordinates_r(ctx.handle(), small.get()), 4000);
    EXPECT_EQ(GEOSisValid_r(ctx.handle(), small.get()), 1);
    double area = 0;
    GEOSArea_r(ctx.handle(), small.get(), &area);
    EXPECT_NEAR(area, 3.14159e-4, 1e-5); // still the same disc
}

TEST(Geometry, HatchingStaysInsideTheDistrict)
{
    geos::Context ctx;
    auto square = geos::own(ctx, GEOSGeom_createRectangle_r(ctx.handle(), 37.0, 36.0, 37.01, 36.01));
    const auto wkb = geos::toWkb(ctx, square.get());
    const auto lines = hatchLines(wkb, 0.001);
    EXPECT_GE(lines.size(), 15u); // about 2 x 10 diagonals cross a 10 x 10 spacing square
    for (const auto &line : lines)
        for (const auto &p : line) {
            EXPECT_GE(p.lon, 37.0 - 1e-12);
            EXPECT_LE(p.lat, 36.01 + 1e-12);
        }
}
