// SPDX-License-Identifier: MIT
#include "viewer/auditmodel.h"

#include "viewer/dataset.h"
#include "viewer/displaytext.h"
#include "viewer/notices.h"

#include <algorithm>

using namespace frontline;
using Row = AuditModel::Row;

const std::vector<ModelRole<Row>> AuditModel::kRoles = {
    {SeverityRole, "severity",
        [](const Row &r) {
            return QVariant(
                r.finding.severity == AuditFinding::Severity::Error ? QStringLiteral("error") : QStringLiteral("warning"));
        }},
    {CheckRole, "check", [](const Row &r) { return QVariant(shown(r.finding.check)); }},
    {DateRole, "date", [](const Row &r) { return QVariant(shown(r.finding.date.toString())); }},
    {DayRole, "day", &Row::day},
    {DistrictIdRole, "districtId", [](const Row &r) { return QVariant(QString::fromStdString(r.finding.districtId)); }},
    {NameRole, "name", [](const Row &r) { return QVariant(shown(r.finding.districtName)); }},
    {DetailRole, "detail", [](const Row &r) { return QVariant(shown(r.finding.detail)); }},
};

AuditModel::AuditModel(const Dataset &dataset, Notices &notices) : ListModel(m_rows), m_dataset(dataset), m_notices(notices)
{
    connect(&m_dataset, &Dataset::loaded, this, &AuditModel::clear);
    connect(&m_dataset, &Dataset::edited, this, &AuditModel::clear);
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
    resetRows(m_rows, {});
    m_running = false;
    emit runningChanged();
    emit finished();
}

void AuditModel::setFindings(Result<std::vector<AuditFinding>> findings, int generation)
{
    if (generation != m_generation)
        return;
    m_failure = m_notices.check(findings, tr("The audit failed")) ? QString() : QString::fromStdString(findings.error().message);
    std::vector<Row> rows;
    for (AuditFinding &f : findings ? *findings : std::vector<AuditFinding>{}) {
        const int day = m_first.daysTo(f.date);
        rows.push_back({std::move(f), day});
    }
    resetRows(m_rows, std::move(rows));
    m_running = false;
    emit runningChanged();
    emit finished();
}

int AuditModel::errors() const
{
    return int(
        std::ranges::count_if(m_rows.all(), [](const Row &r) { return r.finding.severity == AuditFinding::Severity::Error; }));
}
