// SPDX-License-Identifier: MIT
#pragma once

#include <QGeoCoordinate>
#include <QPointF>
#include <QQuickItem>
#include <QtQml/qqmlregistration.h>

#include <cstdint>
#include <vector>

class Atlas;
class QSGGeometryNode;
class QSGTransformNode;

//! All districts as one scene-graph layer over a Qt Location Map: triangles uploaded once (in spatial
//! chunks, coloured per vertex), a day step recolours only the districts that changed and re-uploads only
//! their chunks, and panning or zooming changes one transform. Bind `center` and `zoomLevel` to the map's
//! (north up, no tilt). Also draws the front line and, when districts are large enough, their outlines.
class DistrictLayer : public QQuickItem {
    Q_OBJECT
public:
    struct Mesh;

private:
    QML_ELEMENT
    Q_PROPERTY(Atlas *atlas READ atlas WRITE setAtlas NOTIFY atlasChanged)
    Q_PROPERTY(QGeoCoordinate center READ center WRITE setCenter NOTIFY viewChanged)
    Q_PROPERTY(qreal zoomLevel READ zoomLevel WRITE setZoomLevel NOTIFY viewChanged)

public:
    explicit DistrictLayer(QQuickItem *parent = nullptr);
    ~DistrictLayer() override;

    [[nodiscard]] Atlas *atlas() const { return m_atlas; }
    void setAtlas(Atlas *atlas);
    [[nodiscard]] QGeoCoordinate center() const { return m_center; }
    void setCenter(const QGeoCoordinate &center);
    [[nodiscard]] qreal zoomLevel() const { return m_zoom; }
    void setZoomLevel(qreal zoom);

signals:
    void atlasChanged();
    void viewChanged();

protected:
    QSGNode *updatePaintNode(QSGNode *old, UpdatePaintNodeData *) override;

private:
    QSGNode *updatePainterNode(QSGNode *old);
    void rebuild();
    void dayChanged();
    [[nodiscard]] double pixelsPerUnit() const;

    Atlas *m_atlas = nullptr;
    QGeoCoordinate m_center;
    qreal m_zoom = 0;
    std::unique_ptr<Mesh> m_mesh; //!< built on the GUI thread, handed to the scene graph on the next sync
    bool m_meshChanged = false;
    std::vector<std::uint32_t> m_recolour; //!< district slots to recolour on the next sync
    bool m_frontChanged = false;
    QPointF m_origin; //!< Web Mercator (0..1) of the mesh's local (0, 0)
    double m_extent = 1; //!< Web Mercator units per local unit
    double m_meanDistrictSize = 0; //!< in local units
    std::vector<QPointF> m_front; //!< segment end points in local units, two per segment
    double m_frontScale = 0; //!< pixelsPerUnit() the front's width was last built for
};
