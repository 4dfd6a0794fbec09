// SPDX-License-Identifier: MIT
#include "viewer/searchmodel.h"

#include "viewer/dataset.h"
#include "viewer/displaytext.h"
#include "viewer/notices.h"

using namespace frontline;

using Row = SearchModel::Row;

const std::vector<ModelRole<Row>> SearchModel::kRoles = {
    {DistrictIdRole, "districtId", &Row::districtId},
    {NameRole, "name", &Row::name},
    {DateRole, "date", &Row::date},
    {DayRole, "day", &Row::day},
    {TextRole, "snippet", &Row::text},
    {KindRole, "kind", &Row::kind},
};

SearchModel::SearchModel(const Dataset &dataset, Notices &notices) : ListModel(m_rows), m_dataset(dataset), m_notices(notices)
{
    connect(&m_dataset, &Dataset::loaded, this, [this] { setQuery(QString()); });
}

void SearchModel::setQuery(const QString &query)
{
    if (query == m_query)
        return;
    m_query = query;
    emit queryChanged();
    std::vector<Row> rows;
    if (!query.trimmed().isEmpty()) {
        auto hits = m_dataset.queries().search(query.toStdString(), kLimit);
        if (!hits) // a query FTS cannot parse: try it as one quoted phrase, its quotes doubled
            hits = m_dataset.queries().search("\"" + QString(query).replace('"', "\"\"").toStdString() + "\"", kLimit);
        if (m_notices.check(hits, tr("Cannot search for %1").arg(query)))
            for (const auto &h : *hits)
                rows.push_back({QString::fromStdString(h.districtId), shown(h.districtName),
                    h.date ? QString::fromStdString(h.date->toString()) : QString(),
                    h.date ? m_dataset.first().daysTo(*h.date) : -1, shown(h.text),
                    QString::fromLatin1(h.kind().data(), qsizetype(h.kind().size()))});
    }
    resetRows(m_rows, std::move(rows));
}
