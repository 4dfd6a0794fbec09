// SPDX-License-Identifier: MIT
#pragma once

#include <QPolygonF>
#include <QRectF>
#include <QSize>
#include <QTransform>

#include <array>
#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

//! Every district rasterised once at screen resolution: which district each pixel shows, the runs of pixels each
//! district covers (what a change of its control repaints), and which pixels lie within the front line's reach of
//! another district. DistrictLayer paints the day's colours from it.
class DistrictRaster {
public:
    //! A district's outline in local units: outer and inner rings of all its parts.
    struct Shape {
        QRectF bounds;
        std::vector<QPolygonF> rings;
    };
    //! Pixels [start, start + length) of one row, all in one district.
    struct Run {
        std::uint32_t start, length;
    };
    //! What is known of one pixel, in 8 bytes: a repaint reads one place for all of it.
    struct Pixel {
        std::uint32_t id = 0; //!< district slot + 1, 0 where no district
        //! Bit k set if the pixel at the k-th offset within the front line's reach is in another district;
        //! reachStep(k) is that offset.
        std::uint16_t across = 0;
        bool outlined = false; //!< its right or lower neighbour is another district
    };
    static constexpr std::size_t kFrontReach = 2; //!< pixels: the front line's half width, its outer pixel half covered
    static constexpr std::uint32_t kNextSteps = 0xf; //!< the bits of `across` one step away

    //! Rasterises `shapes` (by district slot) through `toPixels` into `size` pixels.
    void draw(const std::vector<Shape> &shapes, const QTransform &toPixels, QSize size);
    void clear() { *this = {}; }

    [[nodiscard]] bool empty() const { return m_pixels.empty(); }
    [[nodiscard]] std::size_t width() const { return m_width; }
    [[nodiscard]] const Pixel &operator[](std::size_t i) const { return m_pixels[i]; } //!< i: y * width + x
    [[nodiscard]] std::span<const Run> runsOf(std::size_t slot) const
    {
        return std::span(m_runs).subspan(m_runsFrom[slot], m_runsFrom[slot + 1] - m_runsFrom[slot]);
    }
    //! The k-th offset within the front line's reach, as a step in pixel index.
    [[nodiscard]] std::ptrdiff_t reachStep(int k) const { return m_reachStep[std::size_t(k)]; }

private:
    void findRuns(std::size_t slotCount);
    void findNeighbours();

    std::vector<Pixel> m_pixels;
    std::size_t m_width = 0, m_height = 0;
    std::vector<std::uint32_t> m_runsFrom; //!< by slot: where its runs start in m_runs; one more at the end
    std::vector<Run> m_runs; //!< by slot
    std::array<std::ptrdiff_t, 12> m_reachStep{};
};
