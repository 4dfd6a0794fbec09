// SPDX-License-Identifier: MIT
#include "adjacency.h"

#include "geos.h"

namespace frontline {

std::vector<SharedBorder> sharedBorders(const std::vector<std::vector<unsigned char>> &polygons)
{
    geos::Context ctx;
    auto *h = ctx.handle();
    std::vector<geos::Geometry> boundaries;
    GEOSSTRtree *tree = GEOSSTRtree_create_r(h, 10);
    for (std::size_t i = 0; i < polygons.size(); ++i) {
        geos::Geometry g = geos::fromWkb(ctx, polygons[i]);
        boundaries.push_back(geos::own(ctx, g ? GEOSBoundary_r(h, g.get()) : nullptr));
        if (boundaries.back())
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
        GEOSSTRtree_query_r(h, tree, boundaries[i].get(),
                            [](void *item, void *data) {
                                auto *query = static_cast<Query *>(data);
                                const auto j = reinterpret_cast<std::size_t>(item);
                                if (j > query->self)
                                    query->hits.push_back(j);
                            },
                            &q);
        for (std::size_t j : q.hits) {
            geos::Geometry common = geos::own(ctx, GEOSIntersection_r(h, boundaries[i].get(), boundaries[j].get()));
            if (!common)
                continue;
            geos::Geometry merged = geos::own(ctx, GEOSLineMerge_r(h, common.get()));
            double length = 0;
            if (merged && GEOSLength_r(h, merged.get(), &length) && length > 0)
                out.push_back({i, j, geos::toWkb(ctx, merged.get())});
        }
    }
    GEOSSTRtree_destroy_r(h, tree);
    return out;
}

} // namespace frontline
