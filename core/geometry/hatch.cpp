// SPDX-License-Identifier: MIT
#include "geometry/hatch.h"

#include "geometry/geos.h"

#include <cmath>

namespace frontline {

namespace {
std::vector<std::vector<LonLat>> hatch(const geos::Context &ctx, const GEOSGeometry *shape, double spacing)
{
    auto *h = ctx.handle();
    if (!shape || spacing <= 0)
        return {};
    const BoundingBox b = geos::bounds(ctx, shape);
    // Lines x - y = c at 45 degrees, on a grid anchored at 0 so neighbouring districts' stripes line up.
    const double from = std::floor((b.min.lon - b.max.lat) / spacing) * spacing;
    const double to = b.max.lon - b.min.lat;
    std::vector<GEOSGeometry *> stripes;
    for (double c = from; c <= to && stripes.size() < 2000; c += spacing) {
        GEOSCoordSequence *seq = GEOSCoordSeq_create_r(h, 2, 2);
        GEOSCoordSeq_setXY_r(h, seq, 0, b.min.lat + c, b.min.lat);
        GEOSCoordSeq_setXY_r(h, seq, 1, b.max.lat + c, b.max.lat);
        stripes.push_back(GEOSGeom_createLineString_r(h, seq));
    }
    if (stripes.empty())
        return {};
    auto all = geos::own(ctx, GEOSGeom_createCollection_r(h, GEOS_MULTILINESTRING, stripes.data(), unsigned(stripes.size())));
    auto inside = geos::own(ctx, GEOSIntersection_r(h, all.get(), shape));
    return inside ? geos::lines(ctx, inside.get()) : std::vector<std::vector<LonLat>>{};
}
} // namespace

std::vector<std::vector<LonLat>> hatchLines(std::span<const unsigned char> polygon, double spacing)
{
    geos::Context ctx;
    const auto shape = geos::fromWkb(ctx, polygon);
    return hatch(ctx, shape.get(), spacing);
}

std::vector<std::vector<LonLat>> hatchLines(const std::vector<Polygon> &parts, double spacing)
{
    geos::Context ctx;
    std::vector<std::vector<LonLat>> out;
    for (const auto &part : parts) {
        const auto shape = geos::fromPolygon(ctx, part);
        for (auto &line : hatch(ctx, shape.get(), spacing))
            out.push_back(std::move(line));
    }
    return out;
}

} // namespace frontline
