// SPDX-License-Identifier: MIT
#include "viewer/editsmodel.h"

#include "viewer/displaytext.h"

#include <ranges>

using namespace frontline;
using Row = EditsModel::Row;

namespace {
QString actionText(EditAction action)
{
    switch (action) {
    case EditAction::Import: return EditsModel::tr("imported");
    case EditAction::Record: return EditsModel::tr("recorded");
    case EditAction::Cite: return EditsModel::tr("added evidence to");
    case EditAction::Correct: return EditsModel::tr("corrected");
    case EditAction::Retract: return EditsModel::tr("retracted");
    case EditAction::Verify: return EditsModel::tr("verified");
    case EditAction::Reject: return EditsModel::tr("rejected");
    case EditAction::Undo: return EditsModel::tr("undid an edit of");
    case EditAction::Redo: return EditsModel::tr("redid an edit of");
    }
    return {};
}

//! "2026-12-08T03:41:17Z" as "2026-12-08 03:41 UTC".
QString timeText(const std::string &at)
{
    return at.size() >= 16 ? QString::fromStdString(at.substr(0, 10) + " " + at.substr(11, 5) + " UTC") : shown(at);
}
} // namespace

const std::vector<ModelRole<Row>> EditsModel::kRoles = {
    {AtRole, "at", &Row::at},
    {AuthorRole, "author", &Row::author},
    {ActionRole, "action", &Row::action},
    {ChangeIdRole, "changeId", &Row::changeId},
    {BeforeRole, "before", &Row::before},
    {AfterRole, "after", &Row::after},
    {ReasonRole, "reason", &Row::reason},
};

void EditsModel::setEntries(const std::vector<LogEntry> &entries)
{
    std::vector<Row> rows;
    rows.reserve(entries.size());
    for (const LogEntry &e : std::views::reverse(entries))
        rows.push_back({timeText(e.at), shown(e.author), actionText(e.action), shown(e.changeId), shown(e.before), shown(e.after),
            shown(e.reason)});
    resetRows(m_rows, std::move(rows));
}
