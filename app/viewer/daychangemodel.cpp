// SPDX-License-Identifier: MIT
#include "viewer/daychangemodel.h"

#include <algorithm>

using Row = DayChangeModel::Row;

const std::vector<ModelRole<Row>> DayChangeModel::kRoles = {
    {DistrictIdRole, "districtId", &Row::districtId},
    {NameRole, "name", &Row::name},
    {SummaryRole, "summary", &Row::summary},
    {ConfidenceRole, "confidence", &Row::confidence},
};

void DayChangeModel::setRows(std::vector<Row> rows)
{
    const int before = int(m_rows.size()), after = int(rows.size());
    if (after < before) {
        beginRemoveRows({}, after, before - 1);
        m_rows.all().resize(std::size_t(after));
        endRemoveRows();
    }
    // Rows both days have: rewritten in place, and reported as one changed range from the first to the last that differs.
    int firstChanged = -1, lastChanged = -1;
    for (int i = 0; i < std::min(before, after); ++i) {
        if (m_rows.all()[std::size_t(i)] == rows[std::size_t(i)])
            continue;
        m_rows.all()[std::size_t(i)] = std::move(rows[std::size_t(i)]);
        firstChanged = firstChanged < 0 ? i : firstChanged;
        lastChanged = i;
    }
    if (firstChanged >= 0)
        emit dataChanged(index(firstChanged), index(lastChanged));
    if (after > before) {
        beginInsertRows({}, before, after - 1);
        std::move(rows.begin() + before, rows.end(), std::back_inserter(m_rows.all()));
        endInsertRows();
    }
    if (after != before)
        emit countChanged();
}
