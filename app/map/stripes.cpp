// SPDX-License-Identifier: MIT
#include "map/stripes.h"

#include <QPolygonF>

#include <cmath>

namespace stripes {

QPainterPath over(const QRectF &box)
{
    QPainterPath path;
    const auto period = double(kPeriod), width = double(kWidth);
    // Each band holds the points with c <= x + y < c + kWidth.
    for (double c = std::floor((box.left() + box.top()) / period) * period; c <= box.right() + box.bottom(); c += period)
        path.addPolygon(QPolygonF{QPointF(c - box.bottom(), box.bottom()), QPointF(c + width - box.bottom(), box.bottom()),
            QPointF(c + width - box.top(), box.top()), QPointF(c - box.top(), box.top())});
    return path;
}

} // namespace stripes
