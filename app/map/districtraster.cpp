// SPDX-License-Identifier: MIT
#include "map/districtraster.h"

#include <QImage>
#include <QPainter>
#include <QPainterPath>

#include <numeric>

namespace {
// The pixel offsets within kFrontReach steps (not diagonal ones), the nearest first: a pixel's front line
// depends on the districts there, so a district's change repaints the pixels there too.
constexpr std::array<std::array<int, 2>, 12> kWithinReach{
    {{0, -1}, {-1, 0}, {1, 0}, {0, 1}, {0, -2}, {-1, -1}, {1, -1}, {-2, 0}, {2, 0}, {-1, 1}, {1, 1}, {0, 2}}};
static_assert(DistrictRaster::kFrontReach == 2, "kWithinReach holds the offsets within two steps");
static_assert(DistrictRaster::kNextSteps == 0xf, "kWithinReach's first four offsets are one step away");
} // namespace

void DistrictRaster::draw(const std::vector<Shape> &shapes, const QTransform &toPixels, QSize size)
{
    // District numbers as colours: no antialiasing, so every pixel is exactly one district or none.
    QImage ids(size, QImage::Format_RGB32);
    ids.fill(0);
    {
        QPainter p(&ids);
        p.setTransform(toPixels);
        p.setPen(Qt::NoPen);
        const QRectF visible = toPixels.inverted().mapRect(QRectF(QPointF(), QSizeF(size)));
        for (std::size_t slot = 0; slot < shapes.size(); ++slot) {
            const Shape &shape = shapes[slot];
            if (shape.rings.empty() || !shape.bounds.intersects(visible))
                continue;
            p.setBrush(QColor::fromRgb(QRgb(slot + 1)));
            if (shape.rings.size() == 1) { // most districts: a polygon is much cheaper to fill than a path
                p.drawPolygon(shape.rings.front());
                continue;
            }
            QPainterPath path; // odd-even filling makes inner rings holes
            for (const auto &ring : shape.rings)
                path.addPolygon(ring);
            p.drawPath(path);
        }
    }
    m_width = std::size_t(ids.width());
    m_height = std::size_t(ids.height());
    m_pixels.assign(m_width * m_height, {});
    for (std::size_t y = 0; y < m_height; ++y) {
        const auto *line = reinterpret_cast<const QRgb *>(ids.constScanLine(int(y)));
        for (std::size_t x = 0; x < m_width; ++x) {
            const std::uint32_t id = line[x] & 0xffffff;
            m_pixels[y * m_width + x].id = id <= shapes.size() ? id : 0;
        }
    }
    findRuns(shapes.size());
    findNeighbours();
}

// Runs per district: counted, then placed (a counting sort by slot).
void DistrictRaster::findRuns(std::size_t slotCount)
{
    std::vector<Run> runs;
    for (std::size_t at = 0; at < m_pixels.size();) {
        std::size_t end = at + 1;
        while (end % m_width != 0 && m_pixels[end].id == m_pixels[at].id)
            ++end;
        if (m_pixels[at].id)
            runs.push_back({std::uint32_t(at), std::uint32_t(end - at)});
        at = end;
    }
    m_runsFrom.assign(slotCount + 1, 0);
    for (const Run &r : runs)
        ++m_runsFrom[m_pixels[r.start].id]; // at slot + 1: the sums below then start each slot's range
    std::partial_sum(m_runsFrom.begin(), m_runsFrom.end(), m_runsFrom.begin());
    m_runs.resize(runs.size());
    std::vector<std::uint32_t> next(m_runsFrom.begin(), m_runsFrom.end() - 1);
    for (const Run &r : runs)
        m_runs[next[m_pixels[r.start].id - 1]++] = r;
}

// Outlined: the right or lower neighbour is another district. Across: which of the offsets within reach fall in
// another district, the pixels whose front line a change of either district may move.
void DistrictRaster::findNeighbours()
{
    const std::size_t w = m_width, h = m_height;
    for (std::size_t y = 0, i = 0; y < h; ++y)
        for (std::size_t x = 0; x < w; ++x, ++i) {
            Pixel &pixel = m_pixels[i];
            if (!pixel.id)
                continue;
            pixel.outlined = (x + 1 < w && m_pixels[i + 1].id != pixel.id) || (y + 1 < h && m_pixels[i + w].id != pixel.id);
            for (std::size_t k = 0; k < kWithinReach.size(); ++k) {
                const auto [dx, dy] = kWithinReach[k];
                const std::size_t nx = x + std::size_t(dx), n = i + std::size_t(dx) + std::size_t(dy) * w; // wraps
                if (nx < w && n < m_pixels.size() && m_pixels[n].id && m_pixels[n].id != pixel.id)
                    pixel.across |= std::uint16_t(1u << k);
            }
        }
    static_assert(std::tuple_size_v<decltype(m_reachStep)> == kWithinReach.size());
    for (std::size_t k = 0; k < kWithinReach.size(); ++k)
        m_reachStep[k] = std::ptrdiff_t(kWithinReach[k][0]) + std::ptrdiff_t(kWithinReach[k][1]) * std::ptrdiff_t(w);
}
