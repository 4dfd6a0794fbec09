// SPDX-License-Identifier: MIT
#pragma once

#include "map/districtraster.h"
#include "map/mapday.h"

#include <QColor>
#include <QGeoCoordinate>
#include <QImage>
#include <QPointF>
#include <QPolygonF>
#include <QQuickItem>
#include <QTimer>
#include <QtQml/qqmlregistration.h>

#include <cstddef>
#include <cstdint>
#include <vector>

//! All districts as one picture over a Qt Location Map, however many there are. When the view settles, every
//! district is rasterised once into an image of district numbers at screen resolution, kept as runs of pixels
//! per district. A day step then repaints only the pixels of districts whose control changed and of their
//! neighbours: their fill, and the front line, which is where a pixel's neighbour is held by an opposing side.
//! Panning or zooming moves and scales the last picture until the view settles again. A step costs the
//! day's changes, not the number of districts. Bind `center` and `zoomLevel` to the map's (north up).
class DistrictLayer : public QQuickItem {
    Q_OBJECT
    QML_ELEMENT
    //! The day drawn: its districts, coloured by its territory and palette; none draws nothing.
    Q_PROPERTY(MapDay *day READ day WRITE setDay NOTIFY dayChanged)
    Q_PROPERTY(QGeoCoordinate center READ center WRITE setCenter NOTIFY viewChanged)
    Q_PROPERTY(qreal zoomLevel READ zoomLevel WRITE setZoomLevel NOTIFY viewChanged)
    //! What shows where no district is, if opaque: the picture is composed over it and drawn opaque, which spares
    //! a software renderer a blend per pixel and frame. Transparent (the default) to show what is under the layer.
    Q_PROPERTY(QColor backdrop READ backdrop WRITE setBackdrop NOTIFY backdropChanged)
    //! The picture shows the current view (not a moved or scaled earlier one): what a screenshot waits for.
    Q_PROPERTY(bool settled READ settled NOTIFY settledChanged)

public:
    explicit DistrictLayer(QQuickItem *parent = nullptr);

    [[nodiscard]] MapDay *day() const { return m_day; }
    void setDay(MapDay *day);
    [[nodiscard]] QGeoCoordinate center() const { return m_center; }
    void setCenter(const QGeoCoordinate &center);
    [[nodiscard]] qreal zoomLevel() const { return m_zoom; }
    void setZoomLevel(qreal zoom);
    [[nodiscard]] QColor backdrop() const { return QColor::fromRgba(qUnpremultiply(m_backdrop)); }
    void setBackdrop(const QColor &colour);
    [[nodiscard]] bool settled() const { return !m_picture.isNull() && m_drawn == currentView(); }

signals:
    void dayChanged();
    void viewChanged();
    void backdropChanged();
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
    //! What a repaint reads and writes, looked up once per paint.
    struct Canvas {
        QRgb *pixels; //!< m_picture's
        const std::uint16_t *controls; //!< by district slot
        std::size_t width, height;
    };
    [[nodiscard]] Canvas canvas();
    void markForRepaint(DistrictRaster::Run run, const Canvas &canvas);
    void repaintMarked(const Canvas &canvas);
    void cacheColours();
    void repaintPixel(std::size_t i, std::size_t x, std::size_t y, const Canvas &canvas); //!< i: y * width + x
    [[nodiscard]] std::uint8_t frontAt(std::size_t i, const Canvas &canvas) const;
    [[nodiscard]] QList<QRect> takeDirtyRects();
    [[nodiscard]] View currentView() const;
    //! Local units (Web Mercator from the data's corner, in units of its larger side) to pixels of `view`.
    [[nodiscard]] QTransform toPixels(const View &view) const;

    MapDay *m_day = nullptr;
    QGeoCoordinate m_center;
    qreal m_zoom = 0;
    QTimer m_settle; //!< rasterises again once the view has stopped moving

    QPointF m_origin; //!< Web Mercator (0..1) of local (0, 0)
    double m_extent = 1; //!< Web Mercator units per local unit
    double m_meanDistrictSize = 0; //!< local units
    std::vector<DistrictRaster::Shape> m_shapes; //!< by district slot, local units

    View m_drawn; //!< the view m_raster was drawn for
    DistrictRaster m_raster; //!< of m_drawn
    std::vector<std::uint16_t> m_painted; //!< by slot: the control the picture shows, kUnpainted at first
    std::vector<std::uint64_t> m_marked; //!< per pixel, a bit: to repaint; m_wordsPerRow words a row
    std::size_t m_wordsPerRow = 0;
    bool m_outlines = false; //!< districts are large enough on screen to outline
    //! By control number, 12 colours each: fill or stripe, outlined or not, under no, half or
    //! full front line, composed over m_backdrop, so a repaint blends nothing.
    std::vector<QRgb> m_palette;
    QRgb m_backdrop = 0; //!< premultiplied
    QImage m_picture; //!< m_raster in the day's colours, with outlines and the front line, over m_backdrop
    bool m_pictureChanged = false;
    std::vector<bool> m_dirtyTiles; //!< kTile-square tiles of m_picture repainted since the last upload
    bool m_allDirty = true;
};
