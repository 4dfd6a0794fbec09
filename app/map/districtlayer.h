// SPDX-License-Identifier: MIT
#pragma once

#include <QGeoCoordinate>
#include <QImage>
#include <QPainterPath>
#include <QPointF>
#include <QQuickItem>
#include <QTimer>
#include <QtQml/qqmlregistration.h>

#include <cstdint>
#include <vector>

class Atlas;

//! All districts as one picture over a Qt Location Map, however many there are. When the view settles, every
//! district is rasterised once into an image of district numbers at screen resolution; a day step then only
//! looks each pixel's district up in the day's colours (and draws the front line), and panning or zooming
//! moves and scales the last picture until the view settles again. The cost of a frame depends on the
//! window's pixels, not on the number of districts. Bind `center` and `zoomLevel` to the map's (north up).
class DistrictLayer : public QQuickItem {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(Atlas *atlas READ atlas WRITE setAtlas NOTIFY atlasChanged)
    Q_PROPERTY(QGeoCoordinate center READ center WRITE setCenter NOTIFY viewChanged)
    Q_PROPERTY(qreal zoomLevel READ zoomLevel WRITE setZoomLevel NOTIFY viewChanged)
    //! The picture shows the current view (not a moved or scaled earlier one): what a screenshot waits for.
    Q_PROPERTY(bool settled READ settled NOTIFY settledChanged)

public:
    explicit DistrictLayer(QQuickItem *parent = nullptr);

    [[nodiscard]] Atlas *atlas() const { return m_atlas; }
    void setAtlas(Atlas *atlas);
    [[nodiscard]] QGeoCoordinate center() const { return m_center; }
    void setCenter(const QGeoCoordinate &center);
    [[nodiscard]] qreal zoomLevel() const { return m_zoom; }
    void setZoomLevel(qreal zoom);
    [[nodiscard]] bool settled() const { return !m_picture.isNull() && m_drawn == currentView(); }

signals:
    void atlasChanged();
    void viewChanged();
    void settledChanged();

protected:
    QSGNode *updatePaintNode(QSGNode *old, UpdatePaintNodeData *) override;
    void geometryChange(const QRectF &now, const QRectF &before) override;

private:
    //! Where the picture was drawn: the map's centre (Web Mercator) and zoom, and the picture's size.
    struct View {
        QPointF center;
        double zoom = 0;
        QSize pixels;
        bool operator==(const View &) const = default;
    };
    void rebuild();
    void viewMoved();
    void rasterise();
    void paint();
    [[nodiscard]] View currentView() const;
    //! Local units (Web Mercator from the data's corner, in units of its larger side) to pixels of `view`.
    [[nodiscard]] QTransform toPixels(const View &view) const;

    Atlas *m_atlas = nullptr;
    QGeoCoordinate m_center;
    qreal m_zoom = 0;
    QTimer m_settle; //!< rasterises again once the view has stopped moving

    QPointF m_origin; //!< Web Mercator (0..1) of local (0, 0)
    double m_extent = 1; //!< Web Mercator units per local unit
    double m_meanDistrictSize = 0; //!< local units
    std::vector<QPainterPath> m_shapes; //!< by district slot, local units

    View m_drawn; //!< the view m_ids was rasterised for
    std::vector<std::uint32_t> m_ids; //!< slot + 1 per pixel of m_drawn, 0 where no district
    QImage m_picture; //!< m_ids in the day's colours, with outlines and the front line
    bool m_pictureChanged = false;
};
