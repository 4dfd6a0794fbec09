// SPDX-License-Identifier: MIT
#include "map/districtmodel.h"

#include "map/mapstyle.h"

#include <QGeoCoordinate>

using namespace frontline;

void DistrictModel::setDistricts(const std::vector<District> &districts)
{
    std::vector<Row> rows;
    for (const auto &d : districts) {
        bool first = true;
        for (const auto &part : d.parts) {
            Row row{std::size_t(d.number - 1), QString::fromStdString(d.id), QString::fromStdString(d.name),
                QString::fromStdString(d.nameArabic), {}, MapStyle::kUnknown, MapStyle::kOutline, 1, false, false, first,
                QGeoCoordinate(d.centroid.lat, d.centroid.lon), d.bbox.max.lon - d.bbox.min.lon, false};
            first = false;
            for (const auto &p : part.front()) // MapPolygon draws outer rings; Voronoi cells have no holes
                row.path.append(QVariant::fromValue(QGeoCoordinate(p.lat, p.lon)));
            rows.push_back(std::move(row));
        }
    }
    resetRows(m_rows, std::move(rows));
}

void DistrictModel::setControls(const Territory &territory, const ControlPalette &palette, const std::vector<bool> &changedToday)
{
    const auto &controls = territory.controls();
    for (auto &row : m_rows) {
        const std::uint16_t control = row.slot < controls.size() ? controls[row.slot] : 0;
        row.contested = control && territory.control(control).state == ControlState::Contested;
        row.changedToday = row.slot < changedToday.size() && changedToday[row.slot];
        row.fill = palette.fill(control);
        row.border = row.changedToday ? MapStyle::kChangedToday : MapStyle::kOutline;
        row.borderWidth = row.changedToday ? 3 : 1;
    }
    if (!m_rows.empty())
        emit dataChanged(
            index(0), index(int(m_rows.size()) - 1), {FillRole, BorderRole, BorderWidthRole, ContestedRole, ChangedTodayRole});
}

void DistrictModel::setCompared(const QSet<QString> &changed)
{
    for (auto &row : m_rows)
        row.compared = changed.contains(row.districtId);
    if (!m_rows.empty())
        emit dataChanged(index(0), index(int(m_rows.size()) - 1), {ComparedRole});
}

QVariant DistrictModel::value(std::size_t at, int role) const
{
    const Row &row = m_rows[at];
    switch (role) {
    case DistrictIdRole: return row.districtId;
    case NameRole: return row.name;
    case PathRole: return row.path;
    case FillRole: return row.fill;
    case BorderRole: return row.border;
    case BorderWidthRole: return row.borderWidth;
    case ContestedRole: return row.contested;
    case ChangedTodayRole: return row.changedToday;
    case NameArabicRole: return row.nameArabic;
    case LabelRole: return row.label;
    case AnchorRole: return QVariant::fromValue(row.anchor);
    case SpanRole: return row.span;
    case ComparedRole: return row.compared;
    default: return {};
    }
}

QHash<int, QByteArray> DistrictModel::roleNames() const
{
    return {{DistrictIdRole, "districtId"}, {NameRole, "name"}, {PathRole, "outline"}, {FillRole, "fillColor"},
        {BorderRole, "lineColor"}, {BorderWidthRole, "lineWidth"}, {ContestedRole, "contested"},
        {ChangedTodayRole, "changedToday"}, {NameArabicRole, "nameArabic"}, {LabelRole, "label"}, {AnchorRole, "anchor"},
        {SpanRole, "span"}, {ComparedRole, "compared"}};
}
