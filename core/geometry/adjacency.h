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
[[nodiscard]] std::vector<SharedBorder> sharedBorders(const std::vector<std::vector<unsigned char>> &polygons);

} // namespace frontline
