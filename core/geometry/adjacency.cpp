// SPDX-License-Identifier: MIT
#include "geometry/adjacency.h"

#include "geometry/geos.h"

namespace frontline {

namespace {
//! The lines where `a` meets `b`, if longer than `minLength`.
geos::Geometry commonLine(const geos::Context &ctx, const GEOSGeometry *a, const GEOSGeometry *b, double minLength = 0)
{
    geos::Geometry common = geos::own(ctx, GEOSIntersection_r(ctx.handle(), a, b));
    if (!common)
        return common;
    geos::Geometry merged = geos::own(ctx, GEOSLineMerge_r(ctx.handle(), common.get()));
    double length = 0;
    if (!merged || !GEOSLength_r(ctx.handle(), merged.get(), &length) || length <= minLength)
        return geos::Geometry(nullptr, geos::GeometryDeleter{ctx.handle()});
    return merged;
}
} // namespace

std::vector<SharedBorder> sharedBorders(const std::vector<std::vector<unsigned char>> &polygons, double tolerance)
{
    geos::Context ctx;
    auto *h = ctx.handle();
    std::vector<geos::Geometry> boundaries;
    GEOSSTRtree *tree = GEOSSTRtree_create_r(h, 10);
    for (std::size_t i = 0; i < polygons.size(); ++i) {
        geos::Geometry g = geos::fromWkb(ctx, polygons[i]);
        boundaries.push_back(geos::own(ctx, g ? GEOSBoundary_r(h, g.get()) : nullptr));
        if (boundaries.back())
            // NOLINTNEXTLINE(performance-no-int-to-ptr): a boundary's item in the tree is its index
            GEOSSTRtree_insert_r(h, tree, boundaries.back().get(), reinterpret_cast<void *>(i));
    }
    struct Query {
        std::size_t self;
        std::vector<std::size_t> hits;
    };
    std::vector<SharedBorder> out;
    for (std::size_t i = 0; i < boundaries.size(); ++i) {
        if (!boundaries[i])
            continue;
        Query q{i, {}};
        GEOSSTRtree_query_r(
            h, tree, boundaries[i].get(),
            [](void *item, void *data) {
                auto *query = static_cast<Query *>(data);
                const auto j = reinterpret_cast<std::size_t>(item);
                if (j > query->self)
                    query->hits.push_back(j);
            },
            &q);
        for (std::size_t j : q.hits) {
            // Exact first (cells of one Voronoi diagram share vertices); surveyed boundaries rarely match
            // exactly, so then take the part of one boundary that runs within `tolerance` of the other.
            geos::Geometry merged = commonLine(ctx, boundaries[i].get(), boundaries[j].get());
            if (!merged && tolerance > 0) {
                geos::Geometry near = geos::own(ctx, GEOSBuffer_r(h, boundaries[j].get(), tolerance, 4));
                merged = commonLine(ctx, boundaries[i].get(), near.get(), 2 * tolerance);
            }
            if (merged)
                out.push_back({i, j, geos::toWkb(ctx, merged.get())});
        }
    }
    GEOSSTRtree_destroy_r(h, tree);
    return out;
}

} // namespace frontline
