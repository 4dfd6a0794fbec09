// SPDX-License-Identifier: MIT
#include "viewer/legendmodel.h"

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
        if (rows[i] != m_rows[i]) {
            m_rows[i] = std::move(rows[i]);
            emit dataChanged(index(int(i)), index(int(i)));
        }
}

QVariant LegendModel::value(std::size_t at, int role) const
{
    const Row &row = m_rows[at];
    switch (role) {
    case IdRole: return row.id;
    case NameRole: return row.name;
    case ColourRole: return row.colour;
    case StripesRole: return row.stripes;
    case DistrictsRole: return row.districts;
    case AreaRole: return row.areaKm2;
    default: return {};
    }
}

QHash<int, QByteArray> LegendModel::roleNames() const
{
    return {{IdRole, "factionId"}, {NameRole, "name"}, {ColourRole, "colour"}, {StripesRole, "stripes"},
        {DistrictsRole, "districts"}, {AreaRole, "areaKm2"}};
}
