// SPDX-License-Identifier: MIT
#include "maprenderer.h"

#include "atlas.h"

#include <QElapsedTimer>
#include <QGuiApplication>
#include <QQuickItem>
#include <QQuickView>

MapRenderer::MapRenderer(Atlas &atlas, QSize size) : m_view(std::make_unique<QQuickView>())
{
    m_view->setInitialProperties({{"atlas", QVariant::fromValue(&atlas)}});
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
    // The map lays out its items over a few frames after it becomes ready; wait for it, then for two frames.
    QElapsedTimer clock;
    clock.start();
    const int start = m_frames;
    while (clock.elapsed() < 10'000 && !(m_view->rootObject()->property("ready").toBool() && m_frames - start >= 3)) {
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
        m_view->update();
    }
    if (!m_view->rootObject()->property("ready").toBool()) {
        m_error = QStringLiteral("the map did not become ready within 10 s");
        return {};
    }
    return m_view->grabWindow();
}

QPointF MapRenderer::pixelOf(const QGeoCoordinate &coordinate) const
{
    QVariant point;
    QMetaObject::invokeMethod(m_view->rootObject(), "pixelOf", Q_RETURN_ARG(QVariant, point), Q_ARG(QVariant, QVariant::fromValue(coordinate)));
    return point.toPointF();
}
