// SPDX-License-Identifier: MIT
#pragma once

#include <QGeoCoordinate>
#include <QSize>
#include <QString>

class Atlas;

//! Writes the map of the Atlas's current day as an SVG (vector) file: the same view (Web Mercator at the
//! map's centre and zoom), districts, hatching, front line, date and legend. Returns an error text, or "".
QString exportSvg(const Atlas &atlas, const QString &file, const QGeoCoordinate &center, double zoom, QSize size);
