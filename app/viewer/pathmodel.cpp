// SPDX-License-Identifier: MIT
#include "viewer/pathmodel.h"

void PathModel::setRows(std::vector<Row> rows)
{
    if (rows.empty() && m_rows.empty())
        return;
    const bool counted = rows.size() != m_rows.size();
    beginResetModel();
    m_rows = std::move(rows);
    endResetModel();
    if (counted)
        emit countChanged();
}

int PathModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

QVariant PathModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const Row &row = m_rows[std::size_t(index.row())];
    return role == PathRole ? QVariant(row.path) : role == ColourRole ? QVariant(row.colour) : QVariant();
}

QHash<int, QByteArray> PathModel::roleNames() const
{
    return {{PathRole, "path"}, {ColourRole, "colour"}};
}
