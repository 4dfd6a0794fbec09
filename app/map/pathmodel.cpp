// SPDX-License-Identifier: MIT
#include "map/pathmodel.h"

#include <QGeoCoordinate>

using Row = PathModel::Row;

const std::vector<ModelRole<Row>> PathModel::kRoles = {
    {PathRole, "path", &Row::path},
    {ColourRole, "colour", &Row::colour},
};

void PathModel::setRows(std::vector<Row> rows)
{
    if (rows.empty() && m_rows.all().empty())
        return;
    resetRows(m_rows, std::move(rows));
}

QVariantList pathOf(const std::vector<frontline::LonLat> &line)
{
    QVariantList path;
    path.reserve(qsizetype(line.size()));
    for (auto p : line)
        path.append(QVariant::fromValue(QGeoCoordinate(p.lat, p.lon)));
    return path;
}
