// SPDX-License-Identifier: MIT
#include "render/maprenderer.h"

#include "viewer/viewer.h"

#include <QElapsedTimer>
#include <QGuiApplication>
#include <QQuickItem>
#include <QQuickView>

MapRenderer::MapRenderer(Viewer &viewer, QSize size) : m_view(std::make_unique<QQuickView>())
{
    QVariantMap properties = viewer.qmlProperties();
    for (const auto &unused : {"totals", "search", "audit", "shareClaims", "desk"}) // the map alone does not show them
        properties.remove(QLatin1String(unused));
    m_view->setInitialProperties(properties);
    m_view->setResizeMode(QQuickView::SizeRootObjectToView);
    m_view->resize(size);
    m_view->loadFromModule("Frontline", "RenderView");
    QObject::connect(m_view.get(), &QQuickWindow::frameSwapped, m_view.get(), [this] { ++m_frames; });
    if (m_view->status() != QQuickView::Ready) {
        for (const auto &e : m_view->errors())
            m_error += e.toString() + '\n';
    }
}

MapRenderer::~MapRenderer() = default;

QImage MapRenderer::render()
{
    if (!m_error.isEmpty())
        return {};
    m_view->show();
    // Map items are created over several frames; take the picture once two grabs a few frames apart agree. The
    // limit is counted in frames, so a slow or busy machine gets as many as a fast one; the clock only guards
    // against a renderer that stops drawing at all.
    constexpr int kFrameLimit = 900;
    const int firstFrame = m_frames;
    QElapsedTimer clock;
    clock.start();
    auto withinLimits = [&] { return m_frames - firstFrame < kFrameLimit && clock.elapsed() < 300'000; };
    auto waitFrames = [&](int count) {
        const int start = m_frames;
        while (withinLimits() && (m_frames - start < count || !m_view->rootObject()->property("ready").toBool())) {
            QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
            m_view->update();
        }
    };
    waitFrames(3);
    QImage previous = m_view->grabWindow();
    while (withinLimits()) {
        waitFrames(2);
        QImage current = m_view->grabWindow();
        if (current == previous)
            return current;
        previous = std::move(current);
    }
    m_error = QStringLiteral("the map did not settle within %1 frames").arg(kFrameLimit);
    return {};
}

QGeoCoordinate MapRenderer::center() const
{
    return m_view->rootObject()->property("center").value<QGeoCoordinate>();
}

double MapRenderer::zoomLevel() const
{
    return m_view->rootObject()->property("zoomLevel").toDouble();
}

QPointF MapRenderer::pixelOf(const QGeoCoordinate &coordinate) const
{
    QVariant point;
    QMetaObject::invokeMethod(
        m_view->rootObject(), "pixelOf", Q_RETURN_ARG(QVariant, point), Q_ARG(QVariant, QVariant::fromValue(coordinate)));
    return point.toPointF();
}
