// SPDX-License-Identifier: MIT
#include "districtlayer.h"

#include "atlas.h"

#include <QPainter>
#include <QQuickWindow>
#include <QSGImageNode>

#include <cmath>
#include <numbers>

using namespace frontline;

namespace {
constexpr double kTileSize = 256; // Qt Location's world is 256 * 2^zoom pixels wide
constexpr double kFrontWidth = 3.5; // pixels
constexpr double kOutlinesFromPixels = 14; // outlines appear when a typical district is this wide on screen
constexpr int kSettleMs = 120;
const QRgb kOutline = qPremultiply(qRgba(255, 255, 255, 150));
constexpr int kStripePeriod = 8; // pixels between the diagonal stripes of a contested district

QPointF mercator(LonLat p)
{
    const double lat = std::clamp(p.lat, -85.05112878, 85.05112878) * std::numbers::pi / 180;
    return {(p.lon + 180) / 360, (1 - std::log(std::tan(lat) + 1 / std::cos(lat)) / std::numbers::pi) / 2};
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
    m_settle.setInterval(kSettleMs);
    connect(&m_settle, &QTimer::timeout, this, [this] {
        if (currentView() != m_drawn)
            rasterise();
    });
}

void DistrictLayer::setAtlas(Atlas *atlas)
{
    if (atlas == m_atlas)
        return;
    if (m_atlas)
        disconnect(m_atlas, nullptr, this, nullptr);
    m_atlas = atlas;
    if (m_atlas) {
        connect(m_atlas, &Atlas::datasetChanged, this, &DistrictLayer::rebuild);
        connect(m_atlas, &Atlas::dayChanged, this, &DistrictLayer::paint);
    }
    rebuild();
    emit atlasChanged();
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

void DistrictLayer::geometryChange(const QRectF &now, const QRectF &before)
{
    QQuickItem::geometryChange(now, before);
    if (now.size() != before.size())
        viewMoved();
}

void DistrictLayer::viewMoved()
{
    if (m_picture.isNull()) // nothing to move yet: draw now
        rasterise();
    else
        m_settle.start();
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
    m_ids.clear();
    m_drawn = {};
    if (!m_atlas || !m_atlas->batched()) {
        m_picture = {};
        m_pictureChanged = true;
        update();
        return;
    }
    const auto &districts = m_atlas->districtList();
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
        QPainterPath &shape = m_shapes[std::size_t(d.number - 1)];
        for (const auto &polygon : d.parts)
            for (const auto &ring : polygon) {
                QPolygonF points;
                points.reserve(qsizetype(ring.size()));
                for (const auto p : ring)
                    points << (mercator(p) - m_origin) / m_extent;
                shape.addPolygon(points); // odd-even filling makes inner rings holes
            }
        sizes += shape.boundingRect().width();
    }
    m_meanDistrictSize = districts.empty() ? 0 : sizes / double(districts.size());
    rasterise();
}

void DistrictLayer::rasterise()
{
    m_drawn = currentView();
    if (m_shapes.empty() || m_drawn.pixels.isEmpty())
        return;
    // District numbers as colours: no antialiasing, so every pixel is exactly one district or none.
    QImage ids(m_drawn.pixels, QImage::Format_RGB32);
    ids.fill(0);
    {
        QPainter p(&ids);
        p.setTransform(toPixels(m_drawn));
        p.setPen(Qt::NoPen);
        const QRectF visible = toPixels(m_drawn).inverted().mapRect(QRectF(QPointF(), QSizeF(m_drawn.pixels)));
        for (std::size_t slot = 0; slot < m_shapes.size(); ++slot)
            if (!m_shapes[slot].isEmpty() && m_shapes[slot].boundingRect().intersects(visible))
                p.fillPath(m_shapes[slot], QColor::fromRgb(QRgb(slot + 1)));
    }
    m_ids.resize(std::size_t(ids.width()) * std::size_t(ids.height()));
    for (int y = 0; y < ids.height(); ++y) {
        const auto *line = reinterpret_cast<const QRgb *>(ids.constScanLine(y));
        for (int x = 0; x < ids.width(); ++x)
            m_ids[std::size_t(y) * std::size_t(ids.width()) + std::size_t(x)] = line[x] & 0xffffff;
    }
    paint();
}

void DistrictLayer::paint()
{
    if (!m_atlas || m_ids.empty())
        return;
    const auto &territory = m_atlas->territory();
    std::vector<QRgb> colourOf(m_shapes.size() + 1, 0); // by slot + 1; 0: no district, transparent
    std::vector<QRgb> stripesOf(m_shapes.size() + 1, 0); // the second side of a contest, 0 for none
    for (std::size_t slot = 0; slot < m_shapes.size() && slot < territory.controls().size(); ++slot) {
        const auto control = territory.controls()[slot];
        colourOf[slot + 1] = premultiplied(territory.fillOf(control));
        if (const QColor stripes = territory.stripesOf(control); stripes.isValid())
            stripesOf[slot + 1] = premultiplied(stripes);
    }
    const int w = m_drawn.pixels.width(), h = m_drawn.pixels.height();
    const bool outlines = m_meanDistrictSize * toPixels(m_drawn).m11() >= kOutlinesFromPixels;
    if (m_picture.size() != m_drawn.pixels)
        m_picture = QImage(m_drawn.pixels, QImage::Format_ARGB32_Premultiplied);
    for (int y = 0; y < h; ++y) {
        auto *out = reinterpret_cast<QRgb *>(m_picture.scanLine(y));
        const std::uint32_t *id = m_ids.data() + std::size_t(y) * std::size_t(w);
        for (int x = 0; x < w; ++x) {
            const std::uint32_t district = id[x] < colourOf.size() ? id[x] : 0;
            QRgb c = stripesOf[district] && (x + y) % kStripePeriod < 3 ? stripesOf[district] : colourOf[district];
            // A border pixel: where the district to the right or below differs.
            if (outlines && district && ((x + 1 < w && id[x + 1] != id[x]) || (y + 1 < h && id[x + w] != id[x])))
                c = over(kOutline, c);
            out[x] = c;
        }
    }
    // The front line as one path, in pixels: one stroke instead of one per border piece.
    QPainterPath front;
    const QTransform pixels = toPixels(m_drawn);
    for (const auto line : territory.frontLine())
        for (std::size_t i = 0; i < line.size(); ++i) {
            const QPointF point = pixels.map((mercator(line[i]) - m_origin) / m_extent);
            if (i == 0)
                front.moveTo(point);
            else
                front.lineTo(point);
        }
    QPainter p(&m_picture);
    p.setRenderHint(QPainter::Antialiasing);
    QPen pen(QColor(0x1a, 0x1a, 0x1a), kFrontWidth);
    pen.setCapStyle(Qt::RoundCap);
    p.strokePath(front, pen);
    m_pictureChanged = true;
    update();
    emit settledChanged();
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
        node->setFiltering(QSGTexture::Linear);
    }
    if (m_pictureChanged || !node->texture()) {
        node->setTexture(window()->createTextureFromImage(m_picture, QQuickWindow::TextureHasAlphaChannel));
        m_pictureChanged = false;
    }
    // Until the view settles, the last picture moves and scales with the map.
    const View now = currentView();
    const double scale = std::pow(2.0, now.zoom - m_drawn.zoom), world = kTileSize * std::pow(2.0, now.zoom);
    const QPointF drawnCentre = (m_drawn.center - now.center) * world + QPointF(width() / 2, height() / 2);
    const QSizeF size = QSizeF(m_drawn.pixels) * scale;
    node->setRect(QRectF(drawnCentre - QPointF(size.width() / 2, size.height() / 2), size));
    node->setSourceRect(QRectF(QPointF(), QSizeF(m_drawn.pixels)));
    return node;
}
