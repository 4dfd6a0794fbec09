// SPDX-License-Identifier: MIT
#include "viewer/historymodel.h"

void HistoryModel::setRows(std::vector<Row> rows)
{
    resetRows(m_rows, std::move(rows));
}

void HistoryModel::setToday(frontline::Date date)
{
    for (std::size_t i = 0; i < m_rows.size(); ++i)
        if (const bool future = m_rows[i].date > date; future != m_rows[i].future) {
            m_rows[i].future = future;
            emit dataChanged(index(int(i)), index(int(i)), {FutureRole});
        }
}

QVariant HistoryModel::value(std::size_t at, int role) const
{
    const Row &row = m_rows[at];
    switch (role) {
    case DateRole: return QString::fromStdString(row.date.toString());
    case SummaryRole: return row.summary;
    case ConfidenceRole: return row.confidence;
    case NoteRole: return row.note;
    case EvidenceRole: return row.evidence;
    case FutureRole: return row.future;
    case SupportsRole: return row.supports;
    case DisputesRole: return row.disputes;
    case ContextRole: return row.context;
    case InfersRole: return row.infers;
    case InferredRole: return row.inferred;
    case InferredFromRole: return row.inferredFrom;
    default: return {};
    }
}

QHash<int, QByteArray> HistoryModel::roleNames() const
{
    return {{DateRole, "date"}, {SummaryRole, "summary"}, {ConfidenceRole, "confidence"}, {NoteRole, "note"},
        {EvidenceRole, "evidence"}, {FutureRole, "future"}, {SupportsRole, "supports"}, {DisputesRole, "disputes"},
        {ContextRole, "context"}, {InfersRole, "infers"}, {InferredRole, "inferred"}, {InferredFromRole, "inferredFrom"}};
}
