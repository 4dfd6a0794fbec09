// SPDX-License-Identifier: MIT
#include "import/districtshapes.h"

#include "import/importsupport.h"

#include <algorithm>
#include <format>
#include <set>

namespace frontline::importing {

DistrictShapes::DistrictShapes(const Database &db, const geos::Context &ctx)
    : m_ctx(ctx), m_tree(GEOSSTRtree_create_r(ctx.handle(), 10), TreeDeleter{ctx.handle()})
{
    auto s = db.prepare("SELECT num, id, geometry FROM districts ORDER BY num");
    while (s.step()) {
        DistrictShape d{std::size_t(s.integer(0) - 1), s.text(1), geos::fromWkb(ctx, s.blob(2))};
        GEOSArea_r(ctx.handle(), d.shape.get(), &d.area);
        m_all.push_back(std::move(d));
    }
    if (m_all.empty())
        throw ImportError("the database has no districts: import districts first");
    for (auto &d : m_all)
        GEOSSTRtree_insert_r(ctx.handle(), m_tree.get(), d.shape.get(), &d);
}

std::vector<DistrictShape *> DistrictShapes::touching(const GEOSGeometry *g)
{
    std::set<DistrictShape *> found;
    auto collect = [](void *item, void *out) {
        static_cast<std::set<DistrictShape *> *>(out)->insert(static_cast<DistrictShape *>(item));
    };
    for (int i = 0; i < GEOSGetNumGeometries_r(m_ctx.handle(), g); ++i)
        GEOSSTRtree_query_r(m_ctx.handle(), m_tree.get(), GEOSGetGeometryN_r(m_ctx.handle(), g, i), collect, &found);
    return {found.begin(), found.end()};
}

double shareInside(
    const geos::Context &ctx, const GEOSGeometry *area, const GEOSPreparedGeometry *prepared, const DistrictShape &d)
{
    auto *h = ctx.handle();
    if (d.area <= 0 || !GEOSPreparedIntersects_r(h, prepared, d.shape.get()))
        return 0;
    if (GEOSPreparedCovers_r(h, prepared, d.shape.get()))
        return 1;
    double x0 = 0, y0 = 0, x1 = 0, y1 = 0;
    GEOSGeom_getXMin_r(h, d.shape.get(), &x0);
    GEOSGeom_getYMin_r(h, d.shape.get(), &y0);
    GEOSGeom_getXMax_r(h, d.shape.get(), &x1);
    GEOSGeom_getYMax_r(h, d.shape.get(), &y1);
    geos::Geometry near = geos::own(ctx, GEOSClipByRect_r(h, area, x0, y0, x1, y1));
    geos::Geometry inside = geos::own(ctx, GEOSIntersection_r(h, d.shape.get(), near ? near.get() : area));
    if (!inside)
        inside = geos::own(ctx, GEOSIntersection_r(h, d.shape.get(), area));
    if (!inside)
        throw ImportError(std::format("district {}: cannot intersect it with the area: {}", d.id, ctx.lastError()));
    double covered = 0;
    GEOSArea_r(h, inside.get(), &covered);
    return std::min(1.0, covered / d.area);
}

} // namespace frontline::importing
