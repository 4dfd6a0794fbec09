// SPDX-License-Identifier: MIT
#include "adjacency.h"
#include "geometry/geos.h"
#include "voronoi.h"

#include <gtest/gtest.h>

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
