// SPDX-License-Identifier: MIT
#include "map/tilegrid.h"

#include "geometry/webmercator.h"

#include <QVariantMap>

using namespace frontline;

QVariantList TileGrid::covering(const QGeoCoordinate &northWest, const QGeoCoordinate &southEast, int zoom, int limit)
{
    QVariantList out;
    for (const auto &t : webmercator::tilesCovering({northWest.longitude(), northWest.latitude()},
             {southEast.longitude(), southEast.latitude()}, zoom, std::size_t(std::max(0, limit))))
        out.append(
            QVariantMap{{"z", t.z}, {"x", t.x}, {"y", t.y}, {"latitude", t.northWest.lat}, {"longitude", t.northWest.lon}});
    return out;
}
