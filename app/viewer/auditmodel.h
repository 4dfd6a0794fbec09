// SPDX-License-Identifier: MIT
#pragma once

#include "query/audit.h"

#include "model/listmodel.h"

#include <QString>
#include <QtQml/qqmlregistration.h>

#include <thread>
#include <vector>

class Dataset;
class Notices;

//! The dataset's consistency checks (frontline::audit) as a list for the audit panel. The checks walk every day,
//! which takes a while on a country's war: they run on a thread of their own, with their own connection, when
//! asked, and the rows arrive when they are done.
class AuditModel : public ListModel {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("made by the application")
    Q_PROPERTY(int errors READ errors NOTIFY finished)
    Q_PROPERTY(bool running READ running NOTIFY runningChanged)
    //! Why the last run could not check the dataset (also a notice); "" after a run that could.
    Q_PROPERTY(QString failure READ failure NOTIFY finished)
public:
    struct Row {
        frontline::AuditFinding finding;
        int day = 0; //!< from the dataset's first day
    };
    enum Role { SeverityRole = Qt::UserRole, CheckRole, DateRole, DayRole, DistrictIdRole, NameRole, DetailRole };
    Q_ENUM(Role)

    //! Forgets its findings whenever `dataset` opens another file.
    AuditModel(const Dataset &dataset, Notices &notices);

    //! Runs the checks on the dataset's file in the background.
    Q_INVOKABLE void run();
    //! Forgets the findings (another database was opened).
    void clear();

    [[nodiscard]] int errors() const;
    [[nodiscard]] bool running() const { return m_running; }
    [[nodiscard]] QString failure() const { return m_failure; }
    [[nodiscard]] const std::vector<Row> &rows() const { return m_rows.all(); }

signals:
    void finished();
    void runningChanged();

private:
    void setFindings(frontline::Result<std::vector<frontline::AuditFinding>> findings, int generation);

    const Dataset &m_dataset;
    Notices &m_notices;
    static const std::vector<ModelRole<Row>> kRoles;
    Rows<Row> m_rows{kRoles};
    frontline::Date m_first;
    QString m_failure;
    bool m_running = false;
    int m_generation = 0; //!< which run's rows are wanted
    std::jthread m_worker; //!< last: joined before the rows it posts to are destroyed
};
