// SPDX-License-Identifier: MIT
#include "map/districtmodel.h"

#include "map/mapstyle.h"

#include <QGeoCoordinate>

using namespace frontline;

using Row = DistrictModel::Row;

const std::vector<ModelRole<Row>> DistrictModel::kRoles = {
    {DistrictIdRole, "districtId", &Row::districtId},
    {NameRole, "name", &Row::name},
    {NameArabicRole, "nameArabic", &Row::nameArabic},
    {PathRole, "outline", &Row::path},
    {FillRole, "fillColor", &Row::fill},
    {BorderRole, "lineColor", &Row::border},
    {BorderWidthRole, "lineWidth", &Row::borderWidth},
    {ContestedRole, "contested", &Row::contested},
    {ChangedTodayRole, "changedToday", &Row::changedToday},
    {LabelRole, "label", &Row::label},
    {AnchorRole, "anchor", &Row::anchor},
    {SpanRole, "span", &Row::span},
    {ComparedRole, "compared", &Row::compared},
};

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
    for (auto &row : m_rows.all()) {
        const std::uint16_t control = row.slot < controls.size() ? controls[row.slot] : 0;
        row.contested = control && territory.control(control).state == ControlState::Contested;
        row.changedToday = row.slot < changedToday.size() && changedToday[row.slot];
        row.fill = palette.fill(control);
        row.border = row.changedToday ? MapStyle::kChangedToday : MapStyle::kOutline;
        row.borderWidth = row.changedToday ? 3 : 1;
    }
    if (!m_rows.all().empty())
        emit dataChanged(
            index(0), index(int(m_rows.size()) - 1), {FillRole, BorderRole, BorderWidthRole, ContestedRole, ChangedTodayRole});
}

void DistrictModel::setCompared(const QSet<QString> &changed)
{
    for (auto &row : m_rows.all())
        row.compared = changed.contains(row.districtId);
    if (!m_rows.all().empty())
        emit dataChanged(index(0), index(int(m_rows.size()) - 1), {ComparedRole});
}
