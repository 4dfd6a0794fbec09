// SPDX-License-Identifier: MIT
#include "viewer/legendmodel.h"

void LegendModel::setRows(std::vector<Row> rows)
{
    if (rows.size() != m_rows.size()) {
        beginResetModel();
        m_rows = std::move(rows);
        endResetModel();
        emit countChanged();
        return;
    }
    for (std::size_t i = 0; i < rows.size(); ++i) // the same factions: only their counts move
        if (rows[i] != m_rows[i]) {
            m_rows[i] = std::move(rows[i]);
            emit dataChanged(index(int(i)), index(int(i)));
        }
}

int LegendModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

QVariant LegendModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const Row &row = m_rows[std::size_t(index.row())];
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
