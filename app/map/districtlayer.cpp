// SPDX-License-Identifier: MIT
#include "map/districtlayer.h"

#include "geometry/webmercator.h"
#include "map/mapstyle.h"
#include "map/picturetexture.h"
#include "map/stripes.h"

#include <QQuickWindow>
#include <QSGImageNode>

#include <bit>
#include <cmath>
#include <numbers>

using namespace frontline;

namespace {
constexpr double kTileSize = 256; // Qt Location's world is 256 * 2^zoom pixels wide
constexpr double kOutlinesFromPixels = 14; // outlines appear when a typical district is this wide on screen
constexpr int kSettleMs = 120;
constexpr int kTile = 64; // pixels: the picture is uploaded in changed squares of this size
// A pixel wide, so part see-through: a small district keeps its colour.
const QRgb kOutline = qPremultiply(qRgba(MapStyle::kOutline.red(), MapStyle::kOutline.green(), MapStyle::kOutline.blue(), 150));
const QRgb kFront = MapStyle::kFront.rgb();
const QRgb kFrontHalf = qPremultiply(qRgba(MapStyle::kFront.red(), MapStyle::kFront.green(), MapStyle::kFront.blue(), 128));
constexpr std::size_t kFrontReach = DistrictRaster::kFrontReach;
constexpr std::uint16_t kUnpainted = 0xffff; // no control has this number: everything is painted first
// A pixel's look, the index of its colour among its control's kLooks: striped (on a contested district's second
// side's stripe), outlined, and how much front line covers it (0, 1 or 2) times kFrontLook.
constexpr std::size_t kStriped = 1, kOutlinedLook = 2, kFrontLook = 4, kLooks = 3 * kFrontLook;

QPointF mercator(LonLat p)
{
    const auto [x, y] = webmercator::project(p);
    return {x, y};
}

//! `c` with alpha, premultiplied, as the image format wants it.
QRgb premultiplied(QColor c)
{
    return qPremultiply(c.rgba());
}

//! Source-over of a premultiplied colour onto another.
QRgb over(QRgb top, QRgb bottom)
{
    const int a = qAlpha(top);
    auto mix = [&](int t, int b) { return t + b * (255 - a) / 255; };
    return qRgba(
        mix(qRed(top), qRed(bottom)), mix(qGreen(top), qGreen(bottom)), mix(qBlue(top), qBlue(bottom)), mix(a, qAlpha(bottom)));
}
} // namespace

DistrictLayer::DistrictLayer(QQuickItem *parent) : QQuickItem(parent)
{
    setFlag(ItemHasContents);
    m_settle.setSingleShot(true);
    connect(&m_settle, &QTimer::timeout, this, [this] {
        if (currentView() != m_drawn)
            rasterise();
    });
}

void DistrictLayer::setDay(MapDay *day)
{
    if (day == m_day)
        return;
    if (m_day)
        disconnect(m_day, nullptr, this, nullptr);
    m_day = day;
    if (m_day) {
        connect(m_day, &MapDay::districtsChanged, this, &DistrictLayer::rebuild);
        connect(m_day, &MapDay::moved, this, &DistrictLayer::paint);
    }
    rebuild();
    emit dayChanged();
}

void DistrictLayer::setCenter(const QGeoCoordinate &center)
{
    if (center == m_center)
        return;
    m_center = center;
    viewMoved();
}

void DistrictLayer::setZoomLevel(qreal zoom)
{
    if (zoom == m_zoom)
        return;
    m_zoom = zoom;
    viewMoved();
}

void DistrictLayer::setBackdrop(const QColor &colour)
{
    const QRgb backdrop = qAlpha(colour.rgba()) == 255 ? colour.rgba() : 0; // see-through backdrops let everything through
    if (backdrop == m_backdrop)
        return;
    m_backdrop = backdrop;
    if (!m_picture.isNull()) { // every pixel again, in colours composed over the new backdrop
        cacheColours();
        m_painted.assign(m_painted.size(), kUnpainted);
        m_allDirty = true;
        paint();
    }
    emit backdropChanged();
}

void DistrictLayer::geometryChange(const QRectF &now, const QRectF &before)
{
    QQuickItem::geometryChange(now, before);
    if (now.size() != before.size())
        viewMoved();
}

void DistrictLayer::viewMoved()
{
    // Nothing to move yet: draw as soon as the view's first centre, zoom and size have all arrived.
    m_settle.start(m_picture.isNull() ? 0 : kSettleMs);
    update();
    emit viewChanged();
    emit settledChanged();
}

DistrictLayer::View DistrictLayer::currentView() const
{
    const QPointF c = m_center.isValid() ? mercator({m_center.longitude(), m_center.latitude()}) : QPointF(0.5, 0.5);
    return {c, m_zoom, QSize(int(std::ceil(width())), int(std::ceil(height())))};
}

QTransform DistrictLayer::toPixels(const View &view) const
{
    const double world = kTileSize * std::pow(2.0, view.zoom), scale = world * m_extent;
    return QTransform(scale, 0, 0, scale, (m_origin.x() - view.center.x()) * world + view.pixels.width() / 2.0,
        (m_origin.y() - view.center.y()) * world + view.pixels.height() / 2.0);
}

void DistrictLayer::rebuild()
{
    m_shapes.clear();
    m_raster.clear();
    m_drawn = {};
    if (!m_day || !m_day->hasDistricts()) {
        m_picture = {};
        m_pictureChanged = true;
        update();
        return;
    }
    const auto &districts = m_day->districts();
    // Local coordinates keep doubles small and make the transform one scale and one shift.
    QPointF lo(1, 1), hi(0, 0);
    for (const auto &d : districts) {
        const QPointF a = mercator({d.bbox.min.lon, d.bbox.max.lat}), b = mercator({d.bbox.max.lon, d.bbox.min.lat});
        lo = {std::min(lo.x(), a.x()), std::min(lo.y(), a.y())};
        hi = {std::max(hi.x(), b.x()), std::max(hi.y(), b.y())};
    }
    m_origin = lo;
    m_extent = std::max({hi.x() - lo.x(), hi.y() - lo.y(), 1e-12});
    std::size_t slotCount = 0;
    for (const auto &d : districts)
        slotCount = std::max(slotCount, std::size_t(d.number));
    m_shapes.resize(slotCount);
    double sizes = 0;
    for (const auto &d : districts) {
        if (d.number < 1)
            continue;
        DistrictRaster::Shape &shape = m_shapes[std::size_t(d.number - 1)];
        for (const auto &polygon : d.parts)
            for (const auto &ring : polygon) {
                QPolygonF points;
                points.reserve(qsizetype(ring.size()));
                for (const auto p : ring)
                    points << (mercator(p) - m_origin) / m_extent;
                shape.bounds |= points.boundingRect();
                shape.rings.push_back(std::move(points));
            }
        sizes += shape.bounds.width();
    }
    m_meanDistrictSize = districts.empty() ? 0 : sizes / double(districts.size());
    rasterise();
}

void DistrictLayer::rasterise()
{
    m_drawn = currentView();
    if (m_shapes.empty() || m_drawn.pixels.isEmpty())
        return;
    m_raster.draw(m_shapes, toPixels(m_drawn), m_drawn.pixels);
    const auto w = std::size_t(m_drawn.pixels.width()), h = std::size_t(m_drawn.pixels.height());
    const std::size_t slotCount = m_shapes.size();
    m_outlines = m_meanDistrictSize * toPixels(m_drawn).m11() >= kOutlinesFromPixels;
    cacheColours();
    m_painted.assign(slotCount, kUnpainted);
    m_picture = QImage(m_drawn.pixels, QImage::Format_ARGB32_Premultiplied);
    m_picture.fill(m_backdrop);
    m_dirtyTiles.assign(std::size_t((w + kTile - 1) / kTile * ((h + kTile - 1) / kTile)), false);
    m_wordsPerRow = (w + 63) / 64;
    m_marked.assign(m_wordsPerRow * h, 0);
    m_allDirty = true;
    paint();
}

void DistrictLayer::paint()
{
    if (!m_day || m_raster.empty())
        return;
    const auto &controls = m_day->territory().controls();
    std::vector<std::size_t> changed;
    for (std::size_t slot = 0; slot < m_painted.size() && slot < controls.size(); ++slot)
        if (controls[slot] != m_painted[slot]) {
            m_painted[slot] = controls[slot];
            changed.push_back(slot);
        }
    const Canvas c = canvas();
    if (changed.size() == m_painted.size()) { // everything: each pixel once
        for (std::size_t y = 0, i = 0; y < c.height; ++y)
            for (std::size_t x = 0; x < c.width; ++x, ++i)
                repaintPixel(i, x, y, c);
        m_allDirty = true;
    } else {
        for (const std::size_t slot : changed)
            for (const DistrictRaster::Run run : m_raster.runsOf(slot))
                markForRepaint(run, c);
        repaintMarked(c);
    }
    m_pictureChanged = true;
    update();
    emit settledChanged();
}

DistrictLayer::Canvas DistrictLayer::canvas()
{
    // bits() once: it detaches the image from the texture that may share it, and is a call per pixel otherwise.
    return {reinterpret_cast<QRgb *>(m_picture.bits()), m_day->territory().controls().data(), std::size_t(m_drawn.pixels.width()),
        std::size_t(m_drawn.pixels.height())};
}

//! Marks a run of a district and the pixels within the front line's reach of it (a diamond around each pixel),
//! whose colour or front line its change may alter.
void DistrictLayer::markForRepaint(DistrictRaster::Run run, const Canvas &canvas)
{
    const std::size_t y = run.start / canvas.width, x = run.start % canvas.width, end = x + run.length;
    for (std::size_t dy = 0; dy <= 2 * kFrontReach; ++dy) {
        const std::size_t row = y + dy - kFrontReach; // wraps above the first row
        if (row >= canvas.height)
            continue;
        const std::size_t reach = kFrontReach - (dy < kFrontReach ? kFrontReach - dy : dy - kFrontReach);
        const std::size_t from = x < reach ? 0 : x - reach, to = std::min(end + reach, canvas.width);
        std::uint64_t *words = m_marked.data() + row * m_wordsPerRow;
        for (std::size_t w = from / 64; w <= (to - 1) / 64; ++w) {
            const std::size_t lo = std::max(from, w * 64) - w * 64, hi = std::min(to, w * 64 + 64) - w * 64;
            words[w] |= (hi - lo == 64 ? ~std::uint64_t(0) : ((std::uint64_t(1) << (hi - lo)) - 1)) << lo;
        }
    }
}

//! Repaints the marked pixels row by row, in the order they lie in memory, and unmarks them.
void DistrictLayer::repaintMarked(const Canvas &canvas)
{
    static_assert(kTile == 64, "a word of marks is a tile's width");
    const std::size_t columns = m_wordsPerRow;
    for (std::size_t y = 0; y < canvas.height; ++y) {
        std::uint64_t *words = m_marked.data() + y * m_wordsPerRow;
        for (std::size_t w = 0; w < m_wordsPerRow; ++w) {
            if (!words[w])
                continue;
            m_dirtyTiles[y / kTile * columns + w] = true;
            for (std::uint64_t bits = std::exchange(words[w], 0); bits; bits &= bits - 1) {
                const std::size_t x = w * 64 + std::size_t(std::countr_zero(bits));
                repaintPixel(y * canvas.width + x, x, y, canvas);
            }
        }
    }
}

//! How strongly the front line covers a pixel: fully next to a district held by an opposing side, and one
//! pixel farther on one side of it (the side with the lower control number), so that the line is three pixels
//! wide; half where such a district is otherwise within kFrontReach (a soft edge); not at all elsewhere.
std::uint8_t DistrictLayer::frontAt(std::size_t i, const Canvas &canvas) const
{
    const std::uint16_t across = m_raster[i].across;
    if (!across)
        return 0;
    const auto &territory = m_day->territory();
    const std::uint16_t mine = canvas.controls[m_raster[i].id - 1];
    auto opposite = [&](int k) -> std::uint16_t { // the control at offset k, if opposed to mine; else 0
        const std::uint16_t theirs = canvas.controls[m_raster[std::size_t(std::ptrdiff_t(i) + m_raster.reachStep(k))].id - 1];
        return territory.opposed(mine, theirs) ? theirs : 0;
    };
    for (std::uint32_t next = across & DistrictRaster::kNextSteps; next; next &= next - 1)
        if (opposite(std::countr_zero(next)))
            return 2;
    std::uint8_t cover = 0;
    for (std::uint32_t farther = across & ~DistrictRaster::kNextSteps; farther; farther &= farther - 1)
        if (const std::uint16_t theirs = opposite(std::countr_zero(farther))) {
            if (mine < theirs)
                return 2;
            cover = 1;
        }
    return cover;
}

void DistrictLayer::cacheColours()
{
    const ControlPalette &palette = m_day->palette();
    m_palette.resize(palette.size() * kLooks);
    for (std::size_t control = 0; control < palette.size(); ++control)
        for (std::size_t look = 0; look < kLooks; ++look) {
            const QColor stripes = palette.stripes(std::uint16_t(control));
            QRgb c = premultiplied((look & kStriped) && stripes.isValid() ? stripes : palette.fill(std::uint16_t(control)));
            if (look & kOutlinedLook)
                c = over(kOutline, c);
            if (const std::size_t front = look / kFrontLook)
                c = over(front == 2 ? kFront : kFrontHalf, c);
            m_palette[control * kLooks + look] = over(c, m_backdrop);
        }
}

void DistrictLayer::repaintPixel(std::size_t i, std::size_t x, std::size_t y, const Canvas &canvas)
{
    const std::uint32_t id = m_raster[i].id;
    if (!id) {
        canvas.pixels[i] = m_backdrop;
        return;
    }
    const std::uint16_t control = canvas.controls[id - 1];
    const std::size_t look = (stripes::covers(x, y) ? kStriped : 0) | (m_outlines && m_raster[i].outlined ? kOutlinedLook : 0)
        | frontAt(i, canvas) * kFrontLook;
    canvas.pixels[i] = m_palette[(control * kLooks < m_palette.size() ? control : 0) * kLooks + look];
}

//! The repainted tiles as rectangles, those side by side in a row joined; all of the picture after a redraw.
QList<QRect> DistrictLayer::takeDirtyRects()
{
    QList<QRect> rects;
    const int columns = (m_picture.width() + kTile - 1) / kTile;
    if (m_allDirty) {
        rects.append(m_picture.rect());
    } else {
        for (std::size_t t = 0; t < m_dirtyTiles.size();) {
            if (!m_dirtyTiles[t]) {
                ++t;
                continue;
            }
            std::size_t end = t + 1;
            while (end < m_dirtyTiles.size() && m_dirtyTiles[end] && end % std::size_t(columns) != 0)
                ++end;
            const int x = int(t % std::size_t(columns)) * kTile, y = int(t / std::size_t(columns)) * kTile;
            rects.append(QRect(x, y, int(end - t) * kTile, kTile).intersected(m_picture.rect()));
            t = end;
        }
    }
    std::ranges::fill(m_dirtyTiles, false);
    m_allDirty = false;
    return rects;
}

QSGNode *DistrictLayer::updatePaintNode(QSGNode *old, UpdatePaintNodeData *)
{
    auto *node = static_cast<QSGImageNode *>(old);
    if (m_picture.isNull()) {
        delete node;
        return nullptr;
    }
    if (!node) {
        node = window()->createImageNode();
        node->setOwnsTexture(true);
    }
    if (m_pictureChanged || !node->texture()) {
        if (window()->rhi()) { // the GPU keeps the picture: upload what changed
            auto *texture = dynamic_cast<PictureTexture *>(node->texture());
            if (!texture)
                node->setTexture(texture = new PictureTexture);
            texture->setOpaque(m_backdrop != 0);
            texture->update(m_picture, takeDirtyRects());
            node->markDirty(QSGNode::DirtyMaterial);
        } else { // the software scene graph draws images
            node->setTexture(window()->createTextureFromImage(
                m_picture, m_backdrop ? QQuickWindow::CreateTextureOptions() : QQuickWindow::TextureHasAlphaChannel));
        }
        m_pictureChanged = false;
    }
    // Until the view settles, the last picture moves and scales with the map.
    const View now = currentView();
    const double scale = std::pow(2.0, now.zoom - m_drawn.zoom), world = kTileSize * std::pow(2.0, now.zoom);
    const QPointF drawnCentre = (m_drawn.center - now.center) * world + QPointF(width() / 2, height() / 2);
    const QSizeF size = QSizeF(m_drawn.pixels) * scale;
    node->setFiltering(scale == 1 ? QSGTexture::Nearest : QSGTexture::Linear); // pixel for pixel when still
    node->setRect(QRectF(drawnCentre - QPointF(size.width() / 2, size.height() / 2), size));
    node->setSourceRect(QRectF(QPointF(), QSizeF(m_drawn.pixels)));
    return node;
}
