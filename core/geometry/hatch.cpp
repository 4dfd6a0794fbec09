// SPDX-License-Identifier: MIT
#include "geometry/hatch.h"

#include "geometry/geos.h"

#include <cmath>

namespace frontline {

std::vector<std::vector<LonLat>> hatchLines(std::span<const unsigned char> polygon, double spacing)
{
    geos::Context ctx;
    auto *h = ctx.handle();
    auto shape = geos::fromWkb(ctx, polygon);
    if (!shape || spacing <= 0)
        return {};
    const BoundingBox b = geos::bounds(ctx, shape.get());
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
    auto inside = geos::own(ctx, GEOSIntersection_r(h, all.get(), shape.get()));
    return inside ? geos::lines(ctx, inside.get()) : std::vector<std::vector<LonLat>>{};
}

} // namespace frontline
