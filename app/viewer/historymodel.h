// SPDX-License-Identifier: MIT
#pragma once

#include "domain/date.h"
#include "model/evidencemodel.h"
#include "model/listmodel.h"

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
        QString changeId; //!< what an edit of it names
        frontline::Date date;
        QString summary; //!< "Held by …" or "Contested: … / …"
        QString confidence;
        QString note;
        EvidenceModel *evidence = nullptr; //!< a child of this model once the row is set
        bool future = false;
        int supports = 0, disputes = 0, context = 0, infers = 0;
        bool inferred = false;
        QString inferredFrom; //!< "Inferred from PUBLISHER, DATE" for an inferred change
        QString review; //!< "Draft, recorded by NAME" until a colleague verifies it; empty once verified
        bool draft = false;
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
        ReviewRole,
        ChangeIdRole,
        DraftRole,
    };
    Q_ENUM(Role)

    explicit HistoryModel(QObject *parent = nullptr) : ListModel(m_rows, parent) { }

    //! Takes the rows and their evidence; the evidence of the rows replaced goes once the views let it go.
    void setRows(std::vector<Row> rows);
    //! Marks the changes after `date` as future, in place.
    void setToday(frontline::Date date);
    [[nodiscard]] const std::vector<Row> &rows() const { return m_rows.all(); }

private:
    static const std::vector<ModelRole<Row>> kRoles;
    Rows<Row> m_rows{kRoles};
};
