// SPDX-License-Identifier: MIT
#pragma once

#include "model/listmodel.h"

#include <QtQml/qqmlregistration.h>

//! The evidence of one change or incident as the panels show it: each piece's stance, its excerpt (a quote
//! or the dataset author's note) and the source it comes from.
class EvidenceModel : public ListModel {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("provided by a change or an incident")
public:
    //! What a piece of evidence does for its change, in frontline::Stance's order.
    enum Stance { Supports, Disputes, Context, Infers };
    Q_ENUM(Stance)
    struct Row {
        QString text;
        bool quote = false; //!< a source's words, not the dataset author's note
        Stance stance = Context;
        QString publisher, author, title, url, date;
    };
    enum Role {
        TextRole = Qt::UserRole,
        QuoteRole,
        StanceRole,
        StanceTextRole,
        PublisherRole,
        AuthorRole,
        TitleRole,
        UrlRole,
        DateRole
    };
    Q_ENUM(Role)

    EvidenceModel(std::vector<Row> rows, QObject *parent);

    [[nodiscard]] const std::vector<Row> &rows() const { return m_rows.all(); }
    //! "supports", "disputes", "context" or "inferred from".
    [[nodiscard]] static QString stanceText(Stance stance);

private:
    static const std::vector<ModelRole<Row>> kRoles;
    Rows<Row> m_rows{kRoles};
};
