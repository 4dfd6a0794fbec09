// SPDX-License-Identifier: MIT
#include "geometry/area.h"

#include "geometry/geos.h"

#include <cmath>
#include <numbers>

namespace frontline {

double areaKm2(const std::vector<Polygon> &parts)
{
    double km2 = 0;
    for (const auto &polygon : parts)
        for (std::size_t r = 0; r < polygon.size(); ++r) {
            const auto &ring = polygon[r];
            double twice = 0, lat = 0;
            for (std::size_t i = 0; i < ring.size(); ++i) {
                const auto &a = ring[i], &b = ring[(i + 1) % ring.size()];
                twice += a.lon * b.lat - b.lon * a.lat;
                lat += a.lat;
            }
            const std::size_t closing = !ring.empty() && ring.front() == ring.back() ? 1 : 0; // counted once
            lat = ring.size() > closing ? (lat - (closing ? ring.back().lat : 0)) / double(ring.size() - closing) : 0;
            const double area = std::abs(twice) / 2 * 111.320 * std::cos(lat * std::numbers::pi / 180) * 110.574;
            km2 += r == 0 ? area : -area; // holes
        }
    return km2;
}

double areaKm2(std::span<const unsigned char> wkb)
{
    geos::Context ctx;
    auto g = geos::fromWkb(ctx, wkb);
    return g ? areaKm2(geos::polygons(ctx, g.get())) : 0;
}

} // namespace frontline
