// SPDX-License-Identifier: MIT
#include "viewer/svgexporter.h"

#include "geometry/webmercator.h"
#include "map/mapstyle.h"
#include "map/stripes.h"
#include "viewer/dataset.h"
#include "viewer/daystate.h"

#include <QPainter>
#include <QPainterPath>
#include <QSvgGenerator>

#include <algorithm>
#include <cmath>
#include <numbers>
#include <span>

namespace {
//! Web Mercator, as the map draws it: 256 pixels for the world at zoom 0.
struct Projection {
    double world, cx, cy, halfWidth, halfHeight;
    Projection(const QGeoCoordinate &center, double zoom, QSize size)
        : world(256 * std::pow(2.0, zoom)), cx(x(center.longitude())), cy(y(center.latitude())), halfWidth(size.width() / 2.0),
          halfHeight(size.height() / 2.0)
    {
    }
    [[nodiscard]] double x(double lon) const { return frontline::webmercator::project({lon, 0}).x * world; }
    [[nodiscard]] double y(double lat) const { return frontline::webmercator::project({0, lat}).y * world; }
    [[nodiscard]] QPointF operator()(const QGeoCoordinate &c) const
    {
        return {x(c.longitude()) - cx + halfWidth, y(c.latitude()) - cy + halfHeight};
    }
};

QPolygonF polygonOf(std::span<const frontline::LonLat> ring, const Projection &project)
{
    QPolygonF polygon;
    for (const auto &p : ring)
        polygon << project(QGeoCoordinate(p.lat, p.lon));
    return polygon;
}

//! A district's outline, holes included, as the map draws it.
QPainterPath pathOf(const frontline::District &d, const Projection &project)
{
    QPainterPath path;
    path.setFillRule(Qt::OddEvenFill);
    for (const auto &part : d.parts)
        for (const auto &ring : part)
            path.addPolygon(polygonOf(ring, project));
    return path;
}

//! Stripes across a district or swatch, as the layer draws them: cut to it as geometry, since an SVG written
//! by Qt has no clip paths.
void drawStripes(QPainter &painter, const QPainterPath &path, const QColor &colour)
{
    painter.save();
    painter.setPen(Qt::NoPen);
    painter.setBrush(colour);
    painter.drawPath(stripes::over(path.boundingRect()).intersected(path));
    painter.restore();
}
} // namespace

QString exportSvg(
    const DayState &day, const QString &attribution, const QString &file, const QGeoCoordinate &center, double zoom, QSize size)
{
    const Dataset &dataset = day.dataset();
    QSvgGenerator svg;
    svg.setFileName(file);
    svg.setSize(size);
    svg.setResolution(96); // CSS pixels: a viewer shows it at the size asked for
    svg.setViewBox(QRect(QPoint(0, 0), size));
    svg.setTitle(QStringLiteral("%1, %2").arg(dataset.title(), day.dateText()));
    svg.setDescription(QStringLiteral("Frontline map"));
    QPainter painter;
    if (!painter.begin(&svg))
        return QStringLiteral("%1: cannot write the file").arg(file);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.fillRect(QRect(QPoint(0, 0), size), MapStyle::kGround);
    const Projection project(center, zoom, size);

    // The day's state that the map layer draws, for any number of districts.
    const ControlPalette &palette = day.map().palette();
    const auto &controls = day.territory().controls();
    for (const auto &d : dataset.districts()) {
        const auto slot = std::size_t(d.number - 1);
        const std::uint16_t control = slot < controls.size() ? controls[slot] : 0;
        const QPainterPath path = pathOf(d, project);
        if (!painter.window().intersects(path.boundingRect().toAlignedRect()))
            continue;
        painter.setBrush(palette.fill(control));
        painter.setPen(QPen(MapStyle::kOutline, 0.5)); // as thin as the layer's outlines
        painter.drawPath(path);
        if (const QColor stripes = palette.stripes(control); stripes.isValid())
            drawStripes(painter, path, stripes);
    }
    painter.setPen(QPen(MapStyle::kFront, 4, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
    painter.setBrush(Qt::NoBrush);
    for (const auto &line : day.frontLineOfDay())
        painter.drawPolyline(polygonOf(line, project));

    painter.setPen(MapStyle::kInk);
    painter.setFont(QFont(QStringLiteral("DejaVu Sans"), 26, QFont::Bold));
    painter.drawText(QPointF(16, 48), day.dateText());
    painter.setFont(QFont(QStringLiteral("DejaVu Sans"), 11));
    painter.drawText(QPointF(16, 72), dataset.title());

    if (!attribution.isEmpty()) { // the credit line, where the PNG carries it
        painter.setFont(QFont(QStringLiteral("DejaVu Sans"), 8));
        painter.setPen(QColor(0x33, 0x33, 0x33));
        painter.drawText(QRectF(6, size.height() - 60, size.width() * 0.6, 54),
            Qt::AlignLeft | Qt::AlignBottom | Qt::TextWordWrap, attribution);
        painter.setFont(QFont(QStringLiteral("DejaVu Sans"), 11));
    }
    const auto &factions = day.legend()->rows();
    auto rowText = [](const LegendModel::Row &f) {
        return QStringLiteral("%1: %2 districts, %3 km²").arg(f.name).arg(f.districts).arg(f.areaKm2, 0, 'f', 1);
    };
    double textWidth = 0;
    for (const auto &f : factions)
        textWidth = std::max(textWidth, double(painter.fontMetrics().horizontalAdvance(rowText(f))));
    const double width = 12 + 22 + 8 + textWidth + 12;
    const QRectF legend(
        size.width() - 16 - width, size.height() - 24 - 26.0 * factions.size() - 16, width, 26.0 * factions.size() + 16);
    painter.setPen(MapStyle::kPanelBorder);
    painter.setBrush(MapStyle::kPanel);
    painter.drawRoundedRect(legend, 6, 6);
    for (std::size_t i = 0; i < factions.size(); ++i) {
        const LegendModel::Row &f = factions[i];
        const QRectF swatch(legend.left() + 12, legend.top() + 10 + 26 * i, 22, 16);
        painter.setPen(MapStyle::kOutline);
        painter.setBrush(f.colour);
        painter.drawRect(swatch);
        if (f.stripes.isValid())
            drawStripes(
                painter,
                [&] {
                    QPainterPath p;
                    p.addRect(swatch);
                    return p;
                }(),
                f.stripes);
        painter.setPen(QColor(0x22, 0x22, 0x22));
        painter.drawText(QPointF(swatch.right() + 8, swatch.bottom() - 2), rowText(f));
    }
    return painter.end() ? QString() : QStringLiteral("%1: could not finish the file").arg(file);
}
