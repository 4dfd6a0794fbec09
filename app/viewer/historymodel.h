// SPDX-License-Identifier: MIT
#pragma once

#include "domain/date.h"
#include "model/listmodel.h"

#include <QVariantList>
#include <QtQml/qqmlregistration.h>

#include <vector>

//! A district's changes, oldest first, each with its sources and how many support, dispute, give context to
//! or infer it. Changes after the viewer's day are marked `future`.
class HistoryModel : public ListModel {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("provided by Selection")
public:
    struct Row {
        frontline::Date date;
        QString summary; //!< "Held by …" or "Contested: … / …"
        QString confidence;
        QString note;
        QVariantList evidence; //!< as evidenceMap() makes them
        bool future = false;
        int supports = 0, disputes = 0, context = 0, infers = 0;
        bool inferred = false;
        QString inferredFrom; //!< "Inferred from PUBLISHER, DATE" for an inferred change
    };
    enum Role {
        DateRole = Qt::UserRole,
        SummaryRole,
        ConfidenceRole,
        NoteRole,
        EvidenceRole,
        FutureRole,
        SupportsRole,
        DisputesRole,
        ContextRole,
        InfersRole,
        InferredRole,
        InferredFromRole,
    };
    Q_ENUM(Role)

    explicit HistoryModel(QObject *parent = nullptr) : ListModel(parent) { }

    void setRows(std::vector<Row> rows);
    //! Marks the changes after `date` as future, in place.
    void setToday(frontline::Date date);
    [[nodiscard]] const std::vector<Row> &rows() const { return m_rows; }

    [[nodiscard]] QHash<int, QByteArray> roleNames() const override;

private:
    [[nodiscard]] std::size_t size() const override { return m_rows.size(); }
    [[nodiscard]] QVariant value(std::size_t at, int role) const override;

    std::vector<Row> m_rows;
};
