// SPDX-License-Identifier: MIT
#include "geometry/hittest.h"

#include <algorithm>

namespace frontline {

bool contains(const Polygon &polygon, LonLat point)
{
    bool inside = false;
    for (const auto &ring : polygon)
        for (std::size_t i = 0, j = ring.size() - 1; i < ring.size(); j = i++) {
            const LonLat a = ring[i], b = ring[j];
            // The edge crosses the horizontal through the point, to the point's east.
            if ((a.lat > point.lat) != (b.lat > point.lat)
                && point.lon < (b.lon - a.lon) * (point.lat - a.lat) / (b.lat - a.lat) + a.lon)
                inside = !inside;
        }
    return inside;
}

const District *districtAt(std::span<const District> districts, LonLat point)
{
    const auto hit = std::ranges::find_if(districts, [&](const District &d) {
        const BoundingBox &b = d.bbox;
        return point.lon >= b.min.lon && point.lon <= b.max.lon && point.lat >= b.min.lat && point.lat <= b.max.lat
            && std::ranges::any_of(d.parts, [&](const Polygon &part) { return contains(part, point); });
    });
    return hit == districts.end() ? nullptr : &*hit;
}

} // namespace frontline
