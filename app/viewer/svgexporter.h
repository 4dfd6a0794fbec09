// SPDX-License-Identifier: MIT
#pragma once

#include <QGeoCoordinate>
#include <QSize>
#include <QString>

class DayState;

//! Writes the map of the viewer's day as an SVG (vector) file: the same view (Web Mercator at the map's centre
//! and zoom), districts, hatching, front line, date, legend and the credit line `attribution` (none if empty).
//! Returns an error text, or "".
QString exportSvg(
    const DayState &day, const QString &attribution, const QString &file, const QGeoCoordinate &center, double zoom, QSize size);
