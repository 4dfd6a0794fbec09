// SPDX-License-Identifier: MIT
#pragma once

#include <cstddef>
#include <vector>

namespace frontline {

//! Two districts that share a stretch of boundary, and that stretch as WKB.
struct SharedBorder {
    std::size_t a;
    std::size_t b;
    std::vector<unsigned char> border;
};

//! Finds every pair of the given (Multi)Polygons (WKB) whose boundaries share a line, not just a point.
//! Where two boundaries do not coincide exactly, the stretch of one within `tolerance` (in the polygons'
//! units) of the other counts as shared, if longer than twice the tolerance.
[[nodiscard]] std::vector<SharedBorder> sharedBorders(
    const std::vector<std::vector<unsigned char>> &polygons, double tolerance = 0.0002);

} // namespace frontline
