// SPDX-License-Identifier: MIT
#pragma once

#include "model/listmodel.h"
#include "record/editlog.h"

#include <QtQml/qqmlregistration.h>

#include <vector>

//! A district's entries in the edit log, newest first: who did what to which change, when, and the change before
//! and after.
class EditsModel : public ListModel {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("provided by Selection")
public:
    struct Row {
        QString at; //!< "2026-12-08 03:41 UTC"
        QString author;
        QString action; //!< "recorded", "corrected", "verified", …
        QString changeId;
        QString before, after; //!< as the log words the change; empty where it did not exist
        QString reason;
    };
    enum Role { AtRole = Qt::UserRole, AuthorRole, ActionRole, ChangeIdRole, BeforeRole, AfterRole, ReasonRole };
    Q_ENUM(Role)

    explicit EditsModel(QObject *parent = nullptr) : ListModel(m_rows, parent) { }

    //! Shows `entries` (oldest first, as the log reads them) newest first.
    void setEntries(const std::vector<frontline::LogEntry> &entries);
    [[nodiscard]] const std::vector<Row> &rows() const { return m_rows.all(); }

private:
    static const std::vector<ModelRole<Row>> kRoles;
    Rows<Row> m_rows{kRoles};
};
