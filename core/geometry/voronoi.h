// SPDX-License-Identifier: MIT
#pragma once

#include "domain/records.h"
#include "error.h"

#include <vector>

namespace frontline {

//! Districts for a gazetteer of points: the Voronoi cell of each point, clipped to a concave hull of the
//! points widened by `marginMetres` and to discs around them. One WKB polygon per point, in input order.
//! With `clip` (WKB polygons, WGS84), cells are clipped to it instead.
[[nodiscard]] Result<std::vector<std::vector<unsigned char>>> voronoiCells(
    const std::vector<LonLat> &points, double marginMetres = 400, const std::vector<unsigned char> *clip = nullptr);

} // namespace frontline
