// SPDX-License-Identifier: MIT
#include "viewer/historymodel.h"

using Row = HistoryModel::Row;

const std::vector<ModelRole<Row>> HistoryModel::kRoles = {
    {DateRole, "date", [](const Row &row) { return QVariant(QString::fromStdString(row.date.toString())); }},
    {SummaryRole, "summary", &Row::summary},
    {ConfidenceRole, "confidence", &Row::confidence},
    {NoteRole, "note", &Row::note},
    {EvidenceRole, "evidence", &Row::evidence},
    {FutureRole, "future", &Row::future},
    {SupportsRole, "supports", &Row::supports},
    {DisputesRole, "disputes", &Row::disputes},
    {ContextRole, "context", &Row::context},
    {InfersRole, "infers", &Row::infers},
    {InferredRole, "inferred", &Row::inferred},
    {InferredFromRole, "inferredFrom", &Row::inferredFrom},
    {ReviewRole, "review", &Row::review},
    {ChangeIdRole, "changeId", &Row::changeId},
    {DraftRole, "draft", &Row::draft},
};

void HistoryModel::setRows(std::vector<Row> rows)
{
    for (const Row &row : m_rows.all())
        if (row.evidence)
            row.evidence->deleteLater();
    for (Row &row : rows)
        if (row.evidence)
            row.evidence->setParent(this);
    resetRows(m_rows, std::move(rows));
}

void HistoryModel::setToday(frontline::Date date)
{
    for (std::size_t i = 0; i < m_rows.size(); ++i)
        if (Row &row = m_rows.all()[i]; (row.date > date) != row.future) {
            row.future = !row.future;
            changed(i, {FutureRole});
        }
}
