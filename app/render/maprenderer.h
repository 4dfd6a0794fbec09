// SPDX-License-Identifier: MIT
#pragma once

#include <QGeoCoordinate>
#include <QImage>
#include <QPointF>
#include <QSize>

#include <memory>

struct Viewer;
class QQuickView;

//! Renders the map of the viewer's day, with legend and date, into an image without a window
//! on screen (works with the offscreen platform). Needs a QGuiApplication.
class MapRenderer {
public:
    MapRenderer(Viewer &viewer, QSize size);
    ~MapRenderer();

    //! Renders the current day; a null image (and errorString) if QML failed to load or draw.
    [[nodiscard]] QImage render();
    //! Where a coordinate lands in the last rendered image.
    [[nodiscard]] QPointF pixelOf(const QGeoCoordinate &coordinate) const;
    //! The centre and zoom of the last rendered image's map.
    [[nodiscard]] QGeoCoordinate center() const;
    [[nodiscard]] double zoomLevel() const;
    [[nodiscard]] QString errorString() const { return m_error; }

private:
    std::unique_ptr<QQuickView> m_view;
    QString m_error;
    int m_frames = 0; //!< frames drawn so far, counted to wait for the map to settle
};
