// SPDX-License-Identifier: MIT
#include "districtlayer.h"

#include "atlas.h"
#include "geometry/geos.h"

#include <QPainter>
#include <QPainterPath>
#include <QQuickWindow>
#include <QSGFlatColorMaterial>
#include <QSGRenderNode>
#include <QSGRendererInterface>
#include <QSGGeometryNode>
#include <QSGTransformNode>
#include <QSGVertexColorMaterial>

#include <cmath>
#include <numeric>
#include <numbers>

using namespace frontline;

namespace {
constexpr std::size_t kDistrictsPerChunk = 1024;
constexpr double kTileSize = 256; // Qt Location's world is 256 * 2^zoom pixels wide
constexpr double kFrontHalfWidth = 1.75; // pixels
constexpr double kOutlinesFromPixels = 14; // outlines appear when a typical district is this wide on screen

QPointF mercator(LonLat p)
{
    const double lat = std::clamp(p.lat, -85.05112878, 85.05112878) * std::numbers::pi / 180;
    return {(p.lon + 180) / 360, (1 - std::log(std::tan(lat) + 1 / std::cos(lat)) / std::numbers::pi) / 2};
}

//! Morton order of a point in [0,1)², so that a chunk holds districts that lie together.
std::uint64_t morton(QPointF p)
{
    auto spread = [](std::uint64_t v) {
        v &= 0xffff;
        v = (v | (v << 8)) & 0x00ff00ff;
        v = (v | (v << 4)) & 0x0f0f0f0f;
        v = (v | (v << 2)) & 0x33333333;
        return (v | (v << 1)) & 0x55555555;
    };
    return spread(std::uint64_t(std::clamp(p.x(), 0.0, 1.0) * 65535)) | spread(std::uint64_t(std::clamp(p.y(), 0.0, 1.0) * 65535)) << 1;
}

bool convex(const std::vector<QPointF> &ring)
{
    int sign = 0;
    for (std::size_t i = 0; i < ring.size(); ++i) {
        const QPointF a = ring[i], b = ring[(i + 1) % ring.size()], c = ring[(i + 2) % ring.size()];
        const double cross = (b.x() - a.x()) * (c.y() - b.y()) - (b.y() - a.y()) * (c.x() - b.x());
        if (std::abs(cross) < 1e-18)
            continue;
        if (sign == 0)
            sign = cross > 0 ? 1 : -1;
        else if ((cross > 0 ? 1 : -1) != sign)
            return false;
    }
    return true;
}
} // namespace

//! Triangles of every district in chunks, each district's vertices contiguous in one chunk.
struct DistrictLayer::Mesh {
    struct Chunk {
        std::vector<QPointF> vertices;
        std::vector<std::uint32_t> indices;
        QSGGeometryNode *node = nullptr;
    };
    struct Range {
        std::uint32_t chunk = 0, begin = 0, end = 0;
    };
    std::vector<Chunk> chunks;
    std::vector<Range> rangeOf; //!< by district slot
    std::vector<QPointF> outlines; //!< two points per ring edge
    std::vector<QPainterPath> shapes; //!< by district slot, for the software renderer
    QSGGeometryNode *outlineNode = nullptr;
    QSGGeometryNode *frontNode = nullptr;
    QSGTransformNode *root = nullptr;
};

namespace {
//! The software scene graph (no GPU, e.g. the offscreen platform) draws no custom geometry: there the
//! layer paints each district with QPainter instead, every frame.
class PainterNode : public QSGRenderNode {
public:
    PainterNode(QQuickWindow *window, const DistrictLayer *layer) : m_window(window), m_layer(layer) { }
    void render(const RenderState *) override
    {
        auto *p = static_cast<QPainter *>(
            m_window->rendererInterface()->getResource(m_window, QSGRendererInterface::PainterResource));
        if (!p)
            return;
        p->save();
        p->setTransform(matrix()->toTransform() * p->transform());
        p->setTransform(QTransform(view.m11(), 0, 0, view.m22(), view.dx(), view.dy()), true);
        p->setRenderHint(QPainter::Antialiasing, false);
        p->setPen(Qt::NoPen);
        const QPen outline(QColor(255, 255, 255, 150), 0); // cosmetic: one pixel at any scale
        for (std::size_t i = 0; i < shapes->size() && i < fills.size(); ++i) {
            if ((*shapes)[i].isEmpty())
                continue;
            p->fillPath((*shapes)[i], fills[i]);
            if (outlines)
                p->strokePath((*shapes)[i], outline);
        }
        p->setRenderHint(QPainter::Antialiasing, true);
        QPen pen(QColor(0x1a, 0x1a, 0x1a), 3.5 / view.m11());
        pen.setCapStyle(Qt::RoundCap);
        p->setPen(pen);
        p->drawLines(front->data(), int(front->size() / 2));
        p->restore();
    }
    [[nodiscard]] StateFlags changedStates() const override { return {}; }
    [[nodiscard]] RenderingFlags flags() const override { return BoundedRectRendering; }
    [[nodiscard]] QRectF rect() const override { return QRectF(0, 0, m_layer->width(), m_layer->height()); }

    QTransform view;
    bool outlines = false;
    const std::vector<QPainterPath> *shapes = nullptr;
    const std::vector<QPointF> *front = nullptr;
    std::vector<QColor> fills; //!< by district slot

private:
    QQuickWindow *m_window;
    const DistrictLayer *m_layer;
};

} // namespace

DistrictLayer::DistrictLayer(QQuickItem *parent) : QQuickItem(parent)
{
    setFlag(ItemHasContents);
}

DistrictLayer::~DistrictLayer() = default;

void DistrictLayer::setAtlas(Atlas *atlas)
{
    if (atlas == m_atlas)
        return;
    if (m_atlas)
        disconnect(m_atlas, nullptr, this, nullptr);
    m_atlas = atlas;
    if (m_atlas) {
        connect(m_atlas, &Atlas::datasetChanged, this, &DistrictLayer::rebuild);
        connect(m_atlas, &Atlas::dayChanged, this, &DistrictLayer::dayChanged);
    }
    rebuild();
    emit atlasChanged();
}

void DistrictLayer::setCenter(const QGeoCoordinate &center)
{
    if (center == m_center)
        return;
    m_center = center;
    update();
    emit viewChanged();
}

void DistrictLayer::setZoomLevel(qreal zoom)
{
    if (zoom == m_zoom)
        return;
    m_zoom = zoom;
    update();
    emit viewChanged();
}

double DistrictLayer::pixelsPerUnit() const
{
    return kTileSize * std::pow(2.0, m_zoom) * m_extent;
}

void DistrictLayer::rebuild()
{
    m_mesh.reset();
    m_meshChanged = true;
    if (!m_atlas || !m_atlas->batched()) {
        update();
        return;
    }
    const auto &districts = m_atlas->districtList();
    auto mesh = std::make_unique<Mesh>();
    // Local coordinates: Web Mercator from the data's north-west corner, in units of its larger side, so
    // that floats keep centimetres at any zoom.
    QPointF lo(1, 1), hi(0, 0);
    for (const auto &d : districts) {
        const QPointF a = mercator({d.bbox.min.lon, d.bbox.max.lat}), b = mercator({d.bbox.max.lon, d.bbox.min.lat});
        lo = {std::min(lo.x(), a.x()), std::min(lo.y(), a.y())};
        hi = {std::max(hi.x(), b.x()), std::max(hi.y(), b.y())};
    }
    m_origin = lo;
    m_extent = std::max({hi.x() - lo.x(), hi.y() - lo.y(), 1e-12});
    auto local = [&](LonLat p) { return (mercator(p) - m_origin) / m_extent; };

    std::vector<std::size_t> order(districts.size());
    std::iota(order.begin(), order.end(), 0);
    std::vector<std::uint64_t> keys(districts.size());
    for (std::size_t i = 0; i < districts.size(); ++i)
        keys[i] = morton(local(districts[i].centroid));
    std::ranges::sort(order, {}, [&](std::size_t i) { return keys[i]; });

    std::size_t slotCount = 0;
    for (const auto &d : districts)
        slotCount = std::max(slotCount, std::size_t(d.number));
    mesh->rangeOf.resize(slotCount);
    mesh->shapes.resize(slotCount);
    geos::Context ctx;
    double sizes = 0;
    for (std::size_t n = 0; n < order.size(); ++n) {
        const District &d = districts[order[n]];
        if (n % kDistrictsPerChunk == 0)
            mesh->chunks.emplace_back();
        auto &chunk = mesh->chunks.back();
        const auto begin = std::uint32_t(chunk.vertices.size());
        for (const auto &polygon : d.parts) {
            std::vector<std::vector<QPointF>> rings;
            for (const auto &ring : polygon) {
                rings.emplace_back();
                for (std::size_t i = 0; i + 1 < ring.size(); ++i) // the closing point repeats the first
                    rings.back().push_back(local(ring[i]));
                for (std::size_t i = 0; i < rings.back().size(); ++i) {
                    mesh->outlines.push_back(rings.back()[i]);
                    mesh->outlines.push_back(rings.back()[(i + 1) % rings.back().size()]);
                }
            }
            if (rings.empty() || rings.front().size() < 3)
                continue;
            if (d.number >= 1)
                for (const auto &ring : rings)
                    mesh->shapes[std::size_t(d.number - 1)].addPolygon(QPolygonF(QList<QPointF>(ring.begin(), ring.end())));
            const auto first = std::uint32_t(chunk.vertices.size());
            if (rings.size() == 1 && convex(rings.front())) { // a fan: Voronoi cells and most districts
                chunk.vertices.insert(chunk.vertices.end(), rings.front().begin(), rings.front().end());
                for (std::uint32_t i = 1; i + 1 < rings.front().size(); ++i)
                    chunk.indices.insert(chunk.indices.end(), {first, first + i, first + i + 1});
                continue;
            }
            // Concave or with holes: GEOS's constrained Delaunay triangulation.
            const auto parts = geos::fromPolygon(ctx, polygon);
            const auto triangles = geos::own(ctx, GEOSConstrainedDelaunayTriangulation_r(ctx.handle(), parts.get()));
            for (const auto &triangle : geos::polygons(ctx, triangles.get())) {
                if (triangle.empty() || triangle.front().size() < 3)
                    continue;
                const auto at = std::uint32_t(chunk.vertices.size());
                for (int k = 0; k < 3; ++k)
                    chunk.vertices.push_back(local(triangle.front()[std::size_t(k)]));
                chunk.indices.insert(chunk.indices.end(), {at, at + 1, at + 2});
            }
        }
        if (d.number >= 1)
            mesh->rangeOf[std::size_t(d.number - 1)] = {std::uint32_t(mesh->chunks.size() - 1), begin, std::uint32_t(chunk.vertices.size())};
        const QPointF a = local({d.bbox.min.lon, d.bbox.max.lat}), b = local({d.bbox.max.lon, d.bbox.min.lat});
        sizes += std::abs(b.x() - a.x());
    }
    m_meanDistrictSize = districts.empty() ? 0 : sizes / double(districts.size());
    m_mesh = std::move(mesh);
    m_recolour.clear();
    for (std::uint32_t slot = 0; slot < slotCount; ++slot)
        m_recolour.push_back(slot);
    dayChanged();
}

QSGNode *DistrictLayer::updatePainterNode(QSGNode *old)
{
    if (m_meshChanged) {
        delete old;
        old = nullptr;
        m_meshChanged = false;
    }
    if (!m_mesh)
        return nullptr;
    auto *node = old ? static_cast<PainterNode *>(old) : new PainterNode(window(), this);
    const auto &territory = m_atlas->territory();
    node->shapes = &m_mesh->shapes;
    node->front = &m_front;
    node->fills.resize(m_mesh->shapes.size());
    for (std::size_t i = 0; i < node->fills.size() && i < territory.controls().size(); ++i)
        node->fills[i] = territory.fillOf(territory.controls()[i]);
    m_recolour.clear();
    const double scale = pixelsPerUnit(), world = kTileSize * std::pow(2.0, m_zoom);
    const QPointF c = m_center.isValid() ? mercator({m_center.longitude(), m_center.latitude()}) : QPointF(0.5, 0.5);
    node->view = QTransform(scale, 0, 0, scale, (m_origin.x() - c.x()) * world + width() / 2, (m_origin.y() - c.y()) * world + height() / 2);
    node->outlines = m_meanDistrictSize * scale >= kOutlinesFromPixels;
    node->markDirty(QSGNode::DirtyMaterial);
    return node;
}

void DistrictLayer::dayChanged()
{
    if (!m_mesh || !m_atlas)
        return;
    const auto touched = m_atlas->territory().touched();
    m_recolour.insert(m_recolour.end(), touched.begin(), touched.end());
    m_front.clear();
    for (const auto line : m_atlas->territory().frontLine()) {
        auto local = [&](LonLat p) { return (mercator(p) - m_origin) / m_extent; };
        for (std::size_t i = 0; i + 1 < line.size(); ++i) {
            m_front.push_back(local(line[i]));
            m_front.push_back(local(line[i + 1]));
        }
    }
    m_frontChanged = true;
    update();
}

namespace {
QSGGeometryNode *colouredNode(std::size_t vertices, std::size_t indices)
{
    auto *geometry = new QSGGeometry(QSGGeometry::defaultAttributes_ColoredPoint2D(), int(vertices), int(indices),
        QSGGeometry::UnsignedIntType);
    geometry->setDrawingMode(QSGGeometry::DrawTriangles);
    auto *node = new QSGGeometryNode;
    node->setGeometry(geometry);
    node->setFlag(QSGNode::OwnsGeometry);
    node->setMaterial(new QSGVertexColorMaterial);
    node->setFlag(QSGNode::OwnsMaterial);
    return node;
}

QSGGeometryNode *flatNode(QColor colour, QSGGeometry::DrawingMode mode)
{
    auto *geometry = new QSGGeometry(QSGGeometry::defaultAttributes_Point2D(), 0, 0, QSGGeometry::UnsignedIntType);
    geometry->setDrawingMode(mode);
    auto *node = new QSGGeometryNode;
    node->setGeometry(geometry);
    node->setFlag(QSGNode::OwnsGeometry);
    auto *material = new QSGFlatColorMaterial;
    material->setColor(colour);
    node->setMaterial(material);
    node->setFlag(QSGNode::OwnsMaterial);
    return node;
}
} // namespace

QSGNode *DistrictLayer::updatePaintNode(QSGNode *old, UpdatePaintNodeData *)
{
    if (window()->rendererInterface()->graphicsApi() == QSGRendererInterface::Software)
        return updatePainterNode(old);
    auto *root = static_cast<QSGTransformNode *>(old);
    if (m_meshChanged) { // the previous tree goes with the previous dataset
        delete root;
        root = nullptr;
        m_meshChanged = false;
    }
    if (!m_mesh)
        return nullptr;
    if (!root) {
        root = new QSGTransformNode;
        for (auto &chunk : m_mesh->chunks) {
            chunk.node = colouredNode(chunk.vertices.size(), chunk.indices.size());
            auto *points = chunk.node->geometry()->vertexDataAsColoredPoint2D();
            for (std::size_t i = 0; i < chunk.vertices.size(); ++i)
                points[i].set(float(chunk.vertices[i].x()), float(chunk.vertices[i].y()), 0, 0, 0, 0);
            std::ranges::copy(chunk.indices, chunk.node->geometry()->indexDataAsUInt());
            root->appendChildNode(chunk.node);
        }
        m_mesh->frontNode = flatNode(QColor(0x1a, 0x1a, 0x1a), QSGGeometry::DrawTriangles);
        root->appendChildNode(m_mesh->frontNode);
        m_mesh->root = root;
        m_frontScale = 0;
    }

    // Recolour the districts that changed, and upload only their chunks.
    const auto &territory = m_atlas->territory();
    std::vector<bool> dirty(m_mesh->chunks.size());
    for (const auto slot : m_recolour) {
        if (slot >= m_mesh->rangeOf.size() || slot >= territory.controls().size())
            continue;
        const auto range = m_mesh->rangeOf[slot];
        if (range.begin == range.end)
            continue;
        const QColor c = territory.fillOf(territory.controls()[slot]);
        const auto a = uchar(c.alpha());
        auto premultiplied = [&](int v) { return uchar(v * a / 255); };
        auto *points = m_mesh->chunks[range.chunk].node->geometry()->vertexDataAsColoredPoint2D();
        for (auto i = range.begin; i < range.end; ++i)
            points[i].set(points[i].x, points[i].y, premultiplied(c.red()), premultiplied(c.green()), premultiplied(c.blue()), a);
        dirty[range.chunk] = true;
    }
    m_recolour.clear();
    for (std::size_t i = 0; i < dirty.size(); ++i)
        if (dirty[i])
            m_mesh->chunks[i].node->markDirty(QSGNode::DirtyGeometry);

    // The view: local units to item pixels.
    const double scale = pixelsPerUnit();
    const double world = kTileSize * std::pow(2.0, m_zoom);
    const QPointF c = m_center.isValid() ? mercator({m_center.longitude(), m_center.latitude()}) : QPointF(0.5, 0.5);
    QMatrix4x4 matrix;
    matrix.translate(float((m_origin.x() - c.x()) * world + width() / 2), float((m_origin.y() - c.y()) * world + height() / 2));
    matrix.scale(float(scale), float(scale));
    root->setMatrix(matrix);

    // Outlines once districts are wide enough on screen to tell apart; uploaded the first time.
    const bool outlines = m_meanDistrictSize * scale >= kOutlinesFromPixels;
    if (outlines && !m_mesh->outlineNode) {
        m_mesh->outlineNode = flatNode(QColor(255, 255, 255, 150), QSGGeometry::DrawLines);
        auto *g = m_mesh->outlineNode->geometry();
        g->allocate(int(m_mesh->outlines.size()));
        auto *points = g->vertexDataAsPoint2D();
        for (std::size_t i = 0; i < m_mesh->outlines.size(); ++i)
            points[i].set(float(m_mesh->outlines[i].x()), float(m_mesh->outlines[i].y()));
        root->insertChildNodeBefore(m_mesh->outlineNode, m_mesh->frontNode);
    } else if (!outlines && m_mesh->outlineNode) {
        root->removeChildNode(m_mesh->outlineNode);
        delete m_mesh->outlineNode;
        m_mesh->outlineNode = nullptr;
    }

    // The front line: quads a few pixels wide, rebuilt when the day or the zoom changes.
    if (m_frontChanged || std::abs(scale - m_frontScale) > 1e-9 * scale) {
        auto *g = m_mesh->frontNode->geometry();
        g->allocate(int(m_front.size() * 2), int(m_front.size() / 2 * 6));
        auto *points = g->vertexDataAsPoint2D();
        auto *indices = g->indexDataAsUInt();
        const double half = kFrontHalfWidth / scale;
        for (std::size_t s = 0; s + 1 < m_front.size(); s += 2) {
            const QPointF a = m_front[s], b = m_front[s + 1];
            const QPointF d = b - a;
            const double length = std::hypot(d.x(), d.y());
            const QPointF along = length > 0 ? d / length * half : QPointF(), across(-along.y(), along.x());
            const QPointF corners[] = {a - along + across, a - along - across, b + along + across, b + along - across};
            const auto first = std::uint32_t(s * 2);
            for (int k = 0; k < 4; ++k)
                points[first + std::uint32_t(k)].set(float(corners[k].x()), float(corners[k].y()));
            const std::uint32_t quad[] = {first, first + 1, first + 2, first + 1, first + 3, first + 2};
            std::ranges::copy(quad, indices + s / 2 * 6);
        }
        m_mesh->frontNode->markDirty(QSGNode::DirtyGeometry);
        m_frontChanged = false;
        m_frontScale = scale;
    }
    return root;
}
