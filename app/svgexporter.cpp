// SPDX-License-Identifier: MIT
#include "svgexporter.h"

#include "atlas.h"

#include <QPainter>
#include <QPainterPath>
#include <QSvgGenerator>

#include <cmath>
#include <numbers>

namespace {
//! Web Mercator, as the map draws it: 256 pixels for the world at zoom 0.
struct Projection {
    double world, cx, cy, halfWidth, halfHeight;
    Projection(const QGeoCoordinate &center, double zoom, QSize size)
        : world(256 * std::pow(2.0, zoom)), cx(x(center.longitude())), cy(y(center.latitude())), halfWidth(size.width() / 2.0),
          halfHeight(size.height() / 2.0)
    {
    }
    [[nodiscard]] double x(double lon) const { return (lon + 180) / 360 * world; }
    [[nodiscard]] double y(double lat) const
    {
        const double phi = lat * std::numbers::pi / 180;
        return (1 - std::log(std::tan(phi) + 1 / std::cos(phi)) / std::numbers::pi) / 2 * world;
    }
    [[nodiscard]] QPointF operator()(const QGeoCoordinate &c) const
    {
        return {x(c.longitude()) - cx + halfWidth, y(c.latitude()) - cy + halfHeight};
    }
};

QPolygonF polygonOf(const QVariantList &path, const Projection &project)
{
    QPolygonF polygon;
    for (const auto &point : path)
        polygon << project(point.value<QGeoCoordinate>());
    return polygon;
}
} // namespace

QString exportSvg(const Atlas &atlas, const QString &file, const QGeoCoordinate &center, double zoom, QSize size)
{
    QSvgGenerator svg;
    svg.setFileName(file);
    svg.setSize(size);
    svg.setViewBox(QRect(QPoint(0, 0), size));
    svg.setTitle(QStringLiteral("%1, %2").arg(atlas.title(), atlas.dateText()));
    svg.setDescription(QStringLiteral("Frontline map"));
    QPainter painter;
    if (!painter.begin(&svg))
        return QStringLiteral("%1: cannot write the file").arg(file);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.fillRect(QRect(QPoint(0, 0), size), QColor(0xe8, 0xec, 0xef));
    const Projection project(center, zoom, size);

    auto *model = const_cast<Atlas &>(atlas).districts();
    for (int row = 0; row < model->rowCount(); ++row) {
        const QModelIndex index = model->index(row);
        painter.setBrush(model->data(index, DistrictModel::FillRole).value<QColor>());
        painter.setPen(QPen(model->data(index, DistrictModel::BorderRole).value<QColor>(),
            model->data(index, DistrictModel::BorderWidthRole).toReal()));
        painter.drawPolygon(polygonOf(model->data(index, DistrictModel::PathRole).toList(), project));
    }
    for (const auto &hatch : atlas.hatches()) {
        const QVariantMap h = hatch.toMap();
        painter.setPen(QPen(h["colour"].value<QColor>(), 2));
        painter.drawPolyline(polygonOf(h["path"].toList(), project));
    }
    painter.setPen(QPen(QColor(0x1a, 0x1a, 0x1a), 4, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
    for (const auto &line : atlas.frontLine())
        painter.drawPolyline(polygonOf(line.toList(), project));

    painter.setPen(QColor(0x11, 0x11, 0x11));
    painter.setFont(QFont(QStringLiteral("DejaVu Sans"), 26, QFont::Bold));
    painter.drawText(QPointF(16, 48), atlas.dateText());
    painter.setFont(QFont(QStringLiteral("DejaVu Sans"), 11));
    painter.drawText(QPointF(16, 72), atlas.title());

    const QVariantList factions = atlas.factions();
    const QRectF legend(size.width() - 336, size.height() - 24 - 26.0 * factions.size() - 16, 320, 26.0 * factions.size() + 16);
    painter.setPen(QColor(0xb0, 0xb0, 0xb0));
    painter.setBrush(QColor(255, 255, 255, 242));
    painter.drawRoundedRect(legend, 6, 6);
    for (int i = 0; i < factions.size(); ++i) {
        const QVariantMap f = factions[i].toMap();
        const QRectF swatch(legend.left() + 12, legend.top() + 10 + 26 * i, 22, 16);
        painter.setPen(Qt::white);
        painter.setBrush(f["id"] == "contested" ? QColor(213, 94, 0, 110) : f["colour"].value<QColor>());
        painter.drawRect(swatch);
        painter.setPen(QColor(0x22, 0x22, 0x22));
        painter.drawText(QPointF(swatch.right() + 8, swatch.bottom() - 2),
            QStringLiteral("%1: %2 districts, %3 km²")
                .arg(f["name"].toString())
                .arg(f["districts"].toInt())
                .arg(f["areaKm2"].toDouble(), 0, 'f', 1));
    }
    return painter.end() ? QString() : QStringLiteral("%1: could not finish the file").arg(file);
}
