// SPDX-License-Identifier: MIT
#include "model/evidencemodel.h"

using Row = EvidenceModel::Row;

const std::vector<ModelRole<Row>> EvidenceModel::kRoles = {
    {TextRole, "text", &Row::text},
    {QuoteRole, "quote", &Row::quote},
    {StanceRole, "stance", [](const Row &row) { return QVariant(int(row.stance)); }},
    {StanceTextRole, "stanceText", [](const Row &row) { return QVariant(stanceText(row.stance)); }},
    {PublisherRole, "publisher", &Row::publisher},
    {AuthorRole, "author", &Row::author},
    {TitleRole, "title", &Row::title},
    {UrlRole, "url", &Row::url},
    {DateRole, "date", &Row::date},
};

EvidenceModel::EvidenceModel(std::vector<Row> rows, QObject *parent) : ListModel(m_rows, parent)
{
    m_rows.all() = std::move(rows);
}

QString EvidenceModel::stanceText(Stance stance)
{
    switch (stance) {
    case Supports: return tr("supports");
    case Disputes: return tr("disputes");
    case Infers: return tr("inferred from");
    case Context: break;
    }
    return tr("context");
}
