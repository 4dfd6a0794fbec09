// SPDX-License-Identifier: MIT
#include "viewer/totalsmodel.h"

#include "map/mapstyle.h"
#include "viewer/dataset.h"
#include "viewer/displaytext.h"
#include "viewer/notices.h"

#include <map>

using namespace frontline;

const std::vector<ModelRole<ChangeDayModel::Row>> ChangeDayModel::kRoles = {
    {DayRole, "day", &Row::day},
    {ChangesRole, "changes", &Row::changes},
};

const std::vector<ModelRole<TotalsModel::Row>> TotalsModel::kRoles = {
    {HolderRole, "holder", &Row::holder},
    {NameRole, "name", &Row::name},
    {ColourRole, "colour", &Row::colour},
    {CountsRole, "counts", &Row::counts},
};

void ChangeDayModel::setRows(std::vector<Row> rows)
{
    resetRows(m_rows, std::move(rows));
}

TotalsModel::TotalsModel(const Dataset &dataset, Notices &notices) : ListModel(m_rows), m_dataset(dataset), m_notices(notices)
{
    connect(&m_dataset, &Dataset::loaded, this, &TotalsModel::start);
    connect(&m_dataset, &Dataset::edited, this, &TotalsModel::start);
    start();
}

TotalsModel::~TotalsModel() = default;

void TotalsModel::start()
{
    const int generation = ++m_generation;
    if (m_ready) {
        m_ready = false;
        emit readyChanged();
    }
    if (std::int64_t(m_dataset.districtCount()) * m_dataset.dayCount() <= kCountedAtOnce) {
        set(dailyTotals(m_dataset.database()), m_dataset.queries().changeDays());
        return;
    }
    m_worker = std::jthread([this, db = m_dataset.openReader(), generation]() mutable {
        auto totals = db ? dailyTotals(*db) : Result<std::vector<HolderTotal>>(std::unexpected(db.error()));
        auto days = db ? ControlQueries(*db).changeDays() : Result<std::vector<ChangeDay>>(std::unexpected(db.error()));
        QMetaObject::invokeMethod(
            this,
            [this, totals = std::move(totals), days = std::move(days), generation] {
                if (generation == m_generation)
                    set(totals, days);
            },
            Qt::QueuedConnection);
    });
}

void TotalsModel::set(const Result<std::vector<HolderTotal>> &totals, const Result<std::vector<ChangeDay>> &days)
{
    m_notices.check(totals, tr("Cannot total the districts per day"));
    m_notices.check(days, tr("Cannot mark the days with changes"));
    const Date first = m_dataset.first();
    std::vector<ChangeDayModel::Row> marks;
    if (days)
        for (const auto &d : *days)
            marks.push_back({first.daysTo(d.date), d.changes});
    m_changeDays.setRows(std::move(marks));
    std::vector<Row> rows;
    if (totals) {
        std::map<std::string, QVariantList> counts;
        for (const auto &t : *totals)
            if (t.date >= first)
                counts[t.holder].append(t.districts);
        for (const auto &f : m_dataset.factions())
            rows.push_back({QString::fromStdString(f.id), shown(f.name), m_dataset.colours().at(f.id), counts[f.id]});
        rows.push_back({QStringLiteral("contested"), tr("Contested"), MapStyle::kNoSide, counts["contested"]});
    }
    replaceRows(m_rows, std::move(rows)); // after an edit, the same factions: the chart's series stay
    m_ready = true;
    emit readyChanged();
}
