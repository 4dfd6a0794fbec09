// SPDX-License-Identifier: MIT
#pragma once

#include "domain/records.h"

#include <span>
#include <vector>

namespace frontline {

//! Diagonal stripes across a (Multi)Polygon (WKB, lon/lat), `spacing` degrees apart, clipped to it: the
//! hatching that marks a contested district in the colour of its other side.
[[nodiscard]] std::vector<std::vector<LonLat>> hatchLines(std::span<const unsigned char> polygon, double spacing);
//! The same across a district's parts (lon/lat rings, the first of each outer).
[[nodiscard]] std::vector<std::vector<LonLat>> hatchLines(const std::vector<Polygon> &parts, double spacing);

} // namespace frontline
