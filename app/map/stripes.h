// SPDX-License-Identifier: MIT
#pragma once

#include <QPainterPath>
#include <QRectF>

#include <cstddef>

//! The stripes across a contested district (in its second side's colour) or an inferred hold (white), the same
//! in every drawing of the map: bands rising to the right, kWidth pixels of every kPeriod along a row, anchored
//! where x + y is a multiple of kPeriod so that neighbours' stripes meet.
namespace stripes {
inline constexpr std::size_t kPeriod = 8;
inline constexpr std::size_t kWidth = 3;

//! Whether the pixel at (x, y) is on a stripe.
[[nodiscard]] constexpr bool covers(std::size_t x, std::size_t y)
{
    return (x + y) % kPeriod < kWidth;
}

//! The stripes over `box` as one path, to clip to a shape (an SVG written by Qt has no clip paths).
[[nodiscard]] QPainterPath over(const QRectF &box);
} // namespace stripes
