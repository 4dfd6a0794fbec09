// SPDX-License-Identifier: MIT
#pragma once

#include "query/audit.h"

#include "model/listmodel.h"

#include <QString>
#include <QtQml/qqmlregistration.h>

#include <filesystem>
#include <thread>
#include <vector>

//! The dataset's consistency checks (frontline::audit) as a list for the audit panel. The checks walk every day,
//! which takes a while on a country's war: they run on a thread of their own, with their own connection, when
//! asked, and the rows arrive when they are done.
class AuditModel : public ListModel {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("made by the application")
    Q_PROPERTY(int errors READ errors NOTIFY finished)
    Q_PROPERTY(bool running READ running NOTIFY runningChanged)
    Q_PROPERTY(QString lastError READ lastError NOTIFY finished)
public:
    enum Role { SeverityRole = Qt::UserRole, CheckRole, DateRole, DayRole, DistrictIdRole, NameRole, DetailRole };
    Q_ENUM(Role)

    explicit AuditModel(QObject *parent = nullptr) : ListModel(parent) { }

    //! Runs the checks on the database at `path` in the background; `first` is the day the viewer counts from.
    void run(const std::filesystem::path &path, frontline::Date first);
    //! As run(), from QML: the database's path and the viewer's first day as YYYY-MM-DD.
    Q_INVOKABLE void runOn(const QString &databasePath, const QString &firstDate);
    //! Forgets the findings (another database was opened).
    void clear();

    [[nodiscard]] int errors() const;
    [[nodiscard]] bool running() const { return m_running; }
    [[nodiscard]] QString lastError() const { return m_error; }
    [[nodiscard]] const std::vector<frontline::AuditFinding> &findings() const { return m_findings; }

    [[nodiscard]] QHash<int, QByteArray> roleNames() const override;

signals:
    void finished();
    void runningChanged();

private:
    [[nodiscard]] std::size_t size() const override { return m_findings.size(); }
    [[nodiscard]] QVariant value(std::size_t at, int role) const override;

    void setFindings(frontline::Result<std::vector<frontline::AuditFinding>> findings, int generation);

    std::vector<frontline::AuditFinding> m_findings;
    frontline::Date m_first;
    QString m_error;
    bool m_running = false;
    int m_generation = 0; //!< which run's rows are wanted
    std::jthread m_worker; //!< last: joined before the rows it posts to are destroyed
};
