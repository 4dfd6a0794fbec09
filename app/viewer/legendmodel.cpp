// SPDX-License-Identifier: MIT
#include "viewer/legendmodel.h"

using Row = LegendModel::Row;

const std::vector<ModelRole<Row>> LegendModel::kRoles = {
    {IdRole, "factionId", &Row::id},
    {NameRole, "name", &Row::name},
    {ColourRole, "colour", &Row::colour},
    {StripesRole, "stripes", &Row::stripes},
    {DistrictsRole, "districts", &Row::districts},
    {AreaRole, "areaKm2", &Row::areaKm2},
};

void LegendModel::setRows(std::vector<Row> rows)
{
    const QColor before = firstColour();
    if (rows.size() != m_rows.size())
        resetRows(m_rows, std::move(rows));
    else
        update(std::move(rows));
    if (firstColour() != before)
        emit firstColourChanged();
}

void LegendModel::update(std::vector<Row> rows)
{
    for (std::size_t i = 0; i < rows.size(); ++i) // the same factions: only their counts move
        if (rows[i] != m_rows.all()[i]) {
            m_rows.all()[i] = std::move(rows[i]);
            emit dataChanged(index(int(i)), index(int(i)));
        }
}
