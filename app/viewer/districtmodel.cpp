// SPDX-License-Identifier: MIT
#include "viewer/districtmodel.h"

#include "map/mapstyle.h"

#include <QGeoCoordinate>

using namespace frontline;

void DistrictModel::setDistricts(const std::vector<District> &districts)
{
    beginResetModel();
    m_rows.clear();
    for (const auto &d : districts) {
        bool first = true;
        for (const auto &part : d.parts) {
            Row row{std::size_t(d.number - 1), QString::fromStdString(d.id), QString::fromStdString(d.name),
                QString::fromStdString(d.nameArabic), {}, MapStyle::kUnknown, Qt::white, 1, false, false, first,
                QGeoCoordinate(d.centroid.lat, d.centroid.lon), d.bbox.max.lon - d.bbox.min.lon, false};
            first = false;
            for (const auto &p : part.front()) // MapPolygon draws outer rings; Voronoi cells have no holes
                row.path.append(QVariant::fromValue(QGeoCoordinate(p.lat, p.lon)));
            m_rows.push_back(std::move(row));
        }
    }
    endResetModel();
    emit countChanged();
}

void DistrictModel::setControls(const Territory &territory, const std::vector<bool> &changedToday)
{
    const auto &controls = territory.controls();
    for (auto &row : m_rows) {
        const std::uint16_t control = row.slot < controls.size() ? controls[row.slot] : 0;
        row.contested = control && territory.control(control).state == ControlState::Contested;
        row.changedToday = row.slot < changedToday.size() && changedToday[row.slot];
        row.fill = territory.fillOf(control);
        row.border = row.changedToday ? MapStyle::kChangedToday : QColor(Qt::white);
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

int DistrictModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

QVariant DistrictModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const Row &row = m_rows[std::size_t(index.row())];
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
