// SPDX-License-Identifier: MIT
// Web Mercator (EPSG:3857) as slippy maps and Qt Location draw it: the world is the unit square, x growing east
// from 180°W, y growing south from 85.05°N; at zoom z it is 2^z tiles of 256 pixels across.
#pragma once

#include "domain/records.h"

#include <algorithm>
#include <cmath>
#include <numbers>
#include <vector>

namespace frontline::webmercator {

inline constexpr double kMaxLatitude = 85.05112878; //!< where the square ends: the map's top and bottom

struct Point {
    double x = 0, y = 0;
};

[[nodiscard]] inline Point project(LonLat p)
{
    const double lat = std::clamp(p.lat, -kMaxLatitude, kMaxLatitude) * std::numbers::pi / 180;
    return {(p.lon + 180) / 360, (1 - std::log(std::tan(lat) + 1 / std::cos(lat)) / std::numbers::pi) / 2};
}

[[nodiscard]] inline LonLat unproject(Point p)
{
    return {p.x * 360 - 180, std::atan(std::sinh(std::numbers::pi * (1 - 2 * p.y))) * 180 / std::numbers::pi};
}

//! One tile of the z/x/y scheme, with its north-west corner.
struct Tile {
    int z = 0, x = 0, y = 0;
    LonLat northWest;
};

//! The tiles of zoom `z` that cover the box from `northWest` to `southEast`, column by column, at most `limit`.
[[nodiscard]] inline std::vector<Tile> tilesCovering(LonLat northWest, LonLat southEast, int z, std::size_t limit)
{
    const int n = 1 << z;
    const Point a = project(northWest), b = project(southEast);
    auto cell = [n](double v) { return std::clamp(int(std::floor(v * n)), 0, n - 1); };
    std::vector<Tile> out;
    for (int x = cell(a.x); x <= cell(b.x) && out.size() < limit; ++x)
        for (int y = cell(a.y); y <= cell(b.y); ++y)
            out.push_back({z, x, y, unproject({double(x) / n, double(y) / n})});
    return out;
}

} // namespace frontline::webmercator
