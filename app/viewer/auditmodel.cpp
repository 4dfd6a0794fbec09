// SPDX-License-Identifier: MIT
#include "viewer/auditmodel.h"

#include "viewer/dataset.h"
#include "viewer/notices.h"

#include <algorithm>

using namespace frontline;

AuditModel::AuditModel(const Dataset &dataset, Notices &notices) : m_dataset(dataset), m_notices(notices)
{
    connect(&m_dataset, &Dataset::loaded, this, &AuditModel::clear);
}

void AuditModel::run()
{
    const std::filesystem::path path = m_dataset.database().path();
    m_first = m_dataset.first();
    m_running = true;
    emit runningChanged();
    m_worker = std::jthread([this, path, generation = ++m_generation] {
        auto db = Database::open(path, Database::Mode::ReadOnly);
        auto findings = db ? audit(*db) : Result<std::vector<AuditFinding>>(std::unexpected(db.error()));
        QMetaObject::invokeMethod(
            this, [this, findings = std::move(findings), generation] { setFindings(findings, generation); },
            Qt::QueuedConnection);
    });
}

void AuditModel::clear()
{
    ++m_generation; // a run still going reports to no one
    m_failure.clear();
    resetRows(m_findings, {});
    m_running = false;
    emit runningChanged();
    emit finished();
}

void AuditModel::setFindings(Result<std::vector<AuditFinding>> findings, int generation)
{
    if (generation != m_generation)
        return;
    m_failure = m_notices.check(findings, tr("The audit failed")) ? QString() : QString::fromStdString(findings.error().message);
    resetRows(m_findings, findings ? std::move(*findings) : std::vector<AuditFinding>{});
    m_running = false;
    emit runningChanged();
    emit finished();
}

int AuditModel::errors() const
{
    return int(std::ranges::count(m_findings, AuditFinding::Severity::Error, &AuditFinding::severity));
}

QVariant AuditModel::value(std::size_t at, int role) const
{
    const AuditFinding &f = m_findings[at];
    auto qs = [](const std::string &s) { return QString::fromStdString(s); };
    switch (role) {
    case SeverityRole: return f.severity == AuditFinding::Severity::Error ? QStringLiteral("error") : QStringLiteral("warning");
    case CheckRole: return qs(f.check);
    case DateRole: return qs(f.date.toString());
    case DayRole: return m_first.daysTo(f.date);
    case DistrictIdRole: return qs(f.districtId);
    case NameRole: return qs(f.districtName);
    case DetailRole: return qs(f.detail);
    default: return {};
    }
}

QHash<int, QByteArray> AuditModel::roleNames() const
{
    return {{SeverityRole, "severity"}, {CheckRole, "check"}, {DateRole, "date"}, {DayRole, "day"},
        {DistrictIdRole, "districtId"}, {NameRole, "name"}, {DetailRole, "detail"}};
}
