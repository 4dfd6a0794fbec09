// SPDX-License-Identifier: MIT
#include "geometry/voronoi.h"

#include "geometry/geos.h"

#include <algorithm>
#include <cmath>
#include <format>
#include <numbers>

namespace frontline {

namespace {
// A local equirectangular projection in metres: Voronoi cells must be built where distances are true.
struct LocalProjection {
    double lon0, lat0, kx, ky;
    explicit LocalProjection(const std::vector<LonLat> &points)
    {
        double sumLon = 0, sumLat = 0;
        for (auto p : points) {
            sumLon += p.lon;
            sumLat += p.lat;
        }
        lon0 = sumLon / double(points.size());
        lat0 = sumLat / double(points.size());
        ky = 110'574.0;
        kx = 111'320.0 * std::cos(lat0 * std::numbers::pi / 180.0);
    }
};

int toLocal(double *x, double *y, void *data)
{
    const auto *p = static_cast<LocalProjection *>(data);
    *x = (*x - p->lon0) * p->kx;
    *y = (*y - p->lat0) * p->ky;
    return 1;
}

int toLonLat(double *x, double *y, void *data)
{
    const auto *p = static_cast<LocalProjection *>(data);
    *x = *x / p->kx + p->lon0;
    *y = *y / p->ky + p->lat0;
    return 1;
}
} // namespace

Result<std::vector<std::vector<unsigned char>>> voronoiCells(
    const std::vector<LonLat> &points, double marginMetres, const std::vector<unsigned char> *clip)
{
    if (points.size() < 2)
        return fail("a gazetteer needs at least two points to make districts");
    geos::Context ctx;
    auto *h = ctx.handle();
    LocalProjection projection(points);
    std::vector<GEOSGeometry *> parts;
    for (auto p : points) {
        double x = p.lon, y = p.lat;
        toLocal(&x, &y, &projection);
        parts.push_back(GEOSGeom_createPointFromXY_r(h, x, y));
    }
    geos::Geometry sites = geos::own(ctx, GEOSGeom_createCollection_r(h, GEOS_MULTIPOINT, parts.data(), unsigned(parts.size())));
    geos::Geometry area(nullptr, geos::GeometryDeleter{h});
    if (clip) {
        geos::Geometry given = geos::fromWkb(ctx, *clip);
        if (!given)
            return fail("the clip area is not a valid geometry");
        area = geos::own(ctx, GEOSGeom_transformXY_r(h, given.get(), toLocal, &projection));
    } else {
        // Clip to a concave hull widened by the margin, and to discs around the points (radius: twice their
        // mean spacing), so that a far-off point gets a district of its own size, not a long arm of the hull.
        geos::Geometry convex = geos::own(ctx, GEOSConvexHull_r(h, sites.get()));
        double hullArea = 0;
        GEOSArea_r(h, convex.get(), &hullArea);
        const double radius = std::max(marginMetres, 2.0 * std::sqrt(hullArea / double(points.size())));
        geos::Geometry hull = geos::own(ctx, GEOSConcaveHull_r(h, sites.get(), 0.2, 0));
        geos::Geometry widened = geos::own(ctx, GEOSBuffer_r(h, hull.get(), marginMetres, 8));
        geos::Geometry discs = geos::own(ctx, GEOSBuffer_r(h, sites.get(), radius, 8));
        geos::Geometry near = geos::own(ctx, GEOSUnaryUnion_r(h, discs.get()));
        area = geos::own(ctx, GEOSIntersection_r(h, widened.get(), near.get()));
    }
    geos::Geometry cells = geos::own(ctx, GEOSVoronoiDiagram_r(h, sites.get(), area.get(), 0.0, GEOS_VORONOI_PRESERVE_ORDER));
    if (!cells)
        return fail("cannot build Voronoi districts: " + ctx.lastError());
    if (GEOSGetNumGeometries_r(h, cells.get()) != int(points.size()))
        return fail(std::format("cannot build Voronoi districts: {} cells for {} points (are two points identical?)",
            GEOSGetNumGeometries_r(h, cells.get()), points.size()));

    std::vector<std::vector<unsigned char>> out;
    for (int i = 0; i < int(points.size()); ++i) {
        geos::Geometry clipped = geos::own(ctx, GEOSIntersection_r(h, GEOSGetGeometryN_r(h, cells.get(), i), area.get()));
        geos::Geometry lonLat = geos::own(ctx, GEOSGeom_transformXY_r(h, clipped.get(), toLonLat, &projection));
        if (!lonLat || GEOSisEmpty_r(h, lonLat.get()))
            return fail(std::format("point {} has an empty district: {}", i + 1, ctx.lastError()));
        out.push_back(geos::toWkb(ctx, lonLat.get()));
    }
    return out;
}

} // namespace frontline
