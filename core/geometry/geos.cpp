// SPDX-License-Identifier: MIT
#include "geometry/geos.h"

#include <algorithm>

namespace frontline::geos {

namespace {
void storeMessage(const char *message, void *userdata)
{
    *static_cast<std::string *>(userdata) = message;
}

std::vector<LonLat> coordinates(GEOSContextHandle_t ctx, const GEOSGeometry *line)
{
    const GEOSCoordSequence *seq = GEOSGeom_getCoordSeq_r(ctx, line);
    unsigned size = 0;
    GEOSCoordSeq_getSize_r(ctx, seq, &size);
    std::vector<LonLat> out(size);
    for (unsigned i = 0; i < size; ++i)
        GEOSCoordSeq_getXY_r(ctx, seq, i, &out[i].lon, &out[i].lat);
    return out;
}
} // namespace

Context::Context() : m_handle(GEOS_init_r())
{
    GEOSContext_setErrorMessageHandler_r(m_handle, storeMessage, &m_error);
}

Context::~Context()
{
    GEOS_finish_r(m_handle);
}

Geometry own(const Context &ctx, GEOSGeometry *g)
{
    return Geometry(g, GeometryDeleter{ctx.handle()});
}

Geometry fromWkb(const Context &ctx, std::span<const unsigned char> wkb)
{
    GEOSWKBReader *reader = GEOSWKBReader_create_r(ctx.handle());
    GEOSGeometry *g = GEOSWKBReader_read_r(ctx.handle(), reader, wkb.data(), wkb.size());
    GEOSWKBReader_destroy_r(ctx.handle(), reader);
    return own(ctx, g);
}

std::vector<unsigned char> toWkb(const Context &ctx, const GEOSGeometry *g)
{
    GEOSWKBWriter *writer = GEOSWKBWriter_create_r(ctx.handle());
    std::size_t size = 0;
    unsigned char *bytes = GEOSWKBWriter_write_r(ctx.handle(), writer, g, &size);
    std::vector<unsigned char> out(bytes, bytes + size);
    GEOSFree_r(ctx.handle(), bytes);
    GEOSWKBWriter_destroy_r(ctx.handle(), writer);
    return out;
}

LonLat centroid(const Context &ctx, const GEOSGeometry *g)
{
    // A point on the surface, not the centroid: it is always inside, so labels and picks land on the district.
    Geometry p = own(ctx, GEOSPointOnSurface_r(ctx.handle(), g));
    LonLat out;
    GEOSGeomGetX_r(ctx.handle(), p.get(), &out.lon);
    GEOSGeomGetY_r(ctx.handle(), p.get(), &out.lat);
    return out;
}

BoundingBox bounds(const Context &ctx, const GEOSGeometry *g)
{
    BoundingBox b;
    GEOSGeom_getExtent_r(ctx.handle(), g, &b.min.lon, &b.min.lat, &b.max.lon, &b.max.lat);
    return b;
}

std::vector<Polygon> polygons(const Context &ctx, const GEOSGeometry *g)
{
    std::vector<Polygon> out;
    const int n = GEOSGetNumGeometries_r(ctx.handle(), g);
    for (int i = 0; i < n; ++i) {
        const GEOSGeometry *part = GEOSGetGeometryN_r(ctx.handle(), g, i);
        if (GEOSGeomTypeId_r(ctx.handle(), part) != GEOS_POLYGON)
            continue;
        Polygon polygon{coordinates(ctx.handle(), GEOSGetExteriorRing_r(ctx.handle(), part))};
        const int holes = GEOSGetNumInteriorRings_r(ctx.handle(), part);
        for (int h = 0; h < holes; ++h)
            polygon.push_back(coordinates(ctx.handle(), GEOSGetInteriorRingN_r(ctx.handle(), part, h)));
        out.push_back(std::move(polygon));
    }
    return out;
}

Geometry fromPolygon(const Context &ctx, const Polygon &polygon)
{
    auto *h = ctx.handle();
    std::vector<GEOSGeometry *> rings;
    for (const auto &ring : polygon) {
        const bool open = !ring.empty() && ring.front() != ring.back(); // GEOS wants the first point repeated
        GEOSCoordSequence *sequence = GEOSCoordSeq_create_r(h, unsigned(ring.size() + (open ? 1 : 0)), 2);
        for (std::size_t i = 0; i < ring.size(); ++i)
            GEOSCoordSeq_setXY_r(h, sequence, unsigned(i), ring[i].lon, ring[i].lat);
        if (open)
            GEOSCoordSeq_setXY_r(h, sequence, unsigned(ring.size()), ring.front().lon, ring.front().lat);
        rings.push_back(GEOSGeom_createLinearRing_r(h, sequence));
    }
    if (rings.empty())
        return own(ctx, GEOSGeom_createEmptyPolygon_r(h));
    return own(ctx, GEOSGeom_createPolygon_r(h, rings.front(), rings.data() + 1, unsigned(rings.size() - 1)));
}

Geometry simplified(const Context &ctx, Geometry g, std::size_t maxVertices)
{
    auto *h = ctx.handle();
    if (std::size_t(GEOSGetNumCoordinates_r(h, g.get())) <= maxVertices)
        return g;
    const BoundingBox b = bounds(ctx, g.get());
    double tolerance = std::max(b.max.lon - b.min.lon, b.max.lat - b.min.lat) / double(maxVertices);
    for (int attempt = 0; attempt < 20; ++attempt, tolerance *= 2) {
        Geometry s = own(ctx, GEOSTopologyPreserveSimplify_r(h, g.get(), tolerance));
        if (s && std::size_t(GEOSGetNumCoordinates_r(h, s.get())) <= maxVertices)
            return s;
    }
    return g;
}

std::vector<std::vector<LonLat>> lines(const Context &ctx, const GEOSGeometry *g)
{
    std::vector<std::vector<LonLat>> out;
    const int n = GEOSGetNumGeometries_r(ctx.handle(), g);
    for (int i = 0; i < n; ++i) {
        const GEOSGeometry *part = GEOSGetGeometryN_r(ctx.handle(), g, i);
        if (GEOSGeomTypeId_r(ctx.handle(), part) == GEOS_LINESTRING)
            out.push_back(coordinates(ctx.handle(), part));
    }
    return out;
}

} // namespace frontline::geos
