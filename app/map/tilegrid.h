// SPDX-License-Identifier: MIT
#pragma once

#include <QGeoCoordinate>
#include <QObject>
#include <QVariantList>
#include <QtQml/qqmlregistration.h>

//! The basemap tiles a view needs, for QML: the core's Web Mercator tile scheme.
class TileGrid : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_SINGLETON
public:
    //! The tiles of `zoom` that cover the box between the two corners, at most `limit`: {z, x, y, latitude,
    //! longitude} each, the coordinate being the tile's north-west corner.
    Q_INVOKABLE static QVariantList covering(
        const QGeoCoordinate &northWest, const QGeoCoordinate &southEast, int zoom, int limit);
};
