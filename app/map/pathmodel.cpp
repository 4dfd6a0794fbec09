// SPDX-License-Identifier: MIT
#include "map/pathmodel.h"

#include <QGeoCoordinate>

void PathModel::setRows(std::vector<Row> rows)
{
    if (rows.empty() && m_rows.empty())
        return;
    resetRows(m_rows, std::move(rows));
}

QVariant PathModel::value(std::size_t at, int role) const
{
    const Row &row = m_rows[at];
    return role == PathRole ? QVariant(row.path) : role == ColourRole ? QVariant(row.colour) : QVariant();
}

QHash<int, QByteArray> PathModel::roleNames() const
{
    return {{PathRole, "path"}, {ColourRole, "colour"}};
}

QVariantList pathOf(const std::vector<frontline::LonLat> &line)
{
    QVariantList path;
    path.reserve(qsizetype(line.size()));
    for (auto p : line)
        path.append(QVariant::fromValue(QGeoCoordinate(p.lat, p.lon)));
    return path;
}
