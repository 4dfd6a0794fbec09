// SPDX-License-Identifier: MIT
#include "viewer/searchmodel.h"

#include "viewer/dataset.h"
#include "viewer/displaytext.h"
#include "viewer/notices.h"

using namespace frontline;

SearchModel::SearchModel(const Dataset &dataset, Notices &notices) : m_dataset(dataset), m_notices(notices)
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

QVariant SearchModel::value(std::size_t at, int role) const
{
    const Row &row = m_rows[at];
    switch (role) {
    case DistrictIdRole: return row.districtId;
    case NameRole: return row.name;
    case DateRole: return row.date;
    case DayRole: return row.day;
    case TextRole: return row.text;
    case KindRole: return row.kind;
    default: return {};
    }
}

QHash<int, QByteArray> SearchModel::roleNames() const
{
    return {{DistrictIdRole, "districtId"}, {NameRole, "name"}, {DateRole, "date"}, {DayRole, "day"}, {TextRole, "snippet"},
        {KindRole, "kind"}};
}
