// SPDX-License-Identifier: MIT
#pragma once

#include "domain/records.h"

#include <geos_c.h>

#include <memory>
#include <span>
#include <string>
#include <vector>

namespace frontline::geos {

//! A GEOS context (reentrant API). Owns the last error message. One per thread.
class Context {
public:
    Context();
    ~Context();
    Context(const Context &) = delete;
    Context &operator=(const Context &) = delete;
    [[nodiscard]] GEOSContextHandle_t handle() const { return m_handle; }
    [[nodiscard]] const std::string &lastError() const { return m_error; }

private:
    GEOSContextHandle_t m_handle;
    std::string m_error;
};

struct GeometryDeleter {
    GEOSContextHandle_t ctx;
    void operator()(GEOSGeometry *g) const { GEOSGeom_destroy_r(ctx, g); }
};
using Geometry = std::unique_ptr<GEOSGeometry, GeometryDeleter>;

[[nodiscard]] Geometry own(const Context &ctx, GEOSGeometry *g);
[[nodiscard]] Geometry fromWkb(const Context &ctx, std::span<const unsigned char> wkb);
[[nodiscard]] std::vector<unsigned char> toWkb(const Context &ctx, const GEOSGeometry *g);
[[nodiscard]] LonLat centroid(const Context &ctx, const GEOSGeometry *g);
[[nodiscard]] BoundingBox bounds(const Context &ctx, const GEOSGeometry *g);
//! The polygons of a (Multi)Polygon as rings of coordinates.
[[nodiscard]] std::vector<Polygon> polygons(const Context &ctx, const GEOSGeometry *g);
//! A GEOS polygon from rings of coordinates (the first outer, the others holes; each closed).
[[nodiscard]] Geometry fromPolygon(const Context &ctx, const Polygon &polygon);
//! `g` with at most about `maxVertices` vertices: simplified with a growing tolerance, topology preserved.
[[nodiscard]] Geometry simplified(const Context &ctx, Geometry g, std::size_t maxVertices);
//! The line strings of a (Multi)LineString as coordinate lists.
[[nodiscard]] std::vector<std::vector<LonLat>> lines(const Context &ctx, const GEOSGeometry *g);

} // namespace frontline::geos
