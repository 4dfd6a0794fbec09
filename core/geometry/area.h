// SPDX-License-Identifier: MIT
#pragma once

#include "domain/records.h"

#include <span>
#include <vector>

namespace frontline {

//! The area of WGS84 polygons in km²: each ring by the shoelace formula, scaled at the ring's mean latitude
//! (a local equirectangular projection); holes subtracted. The one measure of area: the legend, `stats`, the
//! chart and the share claims all use it.
[[nodiscard]] double areaKm2(const std::vector<Polygon> &parts);
//! The same for a WKB (Multi)Polygon; 0 if it cannot be read.
[[nodiscard]] double areaKm2(std::span<const unsigned char> wkb);

} // namespace frontline
