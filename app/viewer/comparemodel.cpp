// SPDX-License-Identifier: MIT
#include "viewer/comparemodel.h"

#include "viewer/dataset.h"
#include "viewer/daystate.h"
#include "viewer/displaytext.h"
#include "viewer/notices.h"

#include <QSet>

using namespace frontline;

using Row = CompareModel::Row;

const std::vector<ModelRole<Row>> CompareModel::kRoles = {
    {DistrictIdRole, "districtId", &Row::districtId},
    {NameRole, "name", &Row::name},
    {BeforeRole, "before", &Row::before},
    {AfterRole, "after", &Row::after},
};

CompareModel::CompareModel(DayState &day, Notices &notices) : ListModel(m_rows), m_day(day), m_notices(notices)
{
    connect(&m_day, &DayState::dayChanged, this, [this] {
        if (m_compareDay >= 0)
            refresh();
    });
    connect(&m_day.dataset(), &Dataset::loaded, this, [this] { setCompareDay(-1); });
}

void CompareModel::setCompareDay(int day)
{
    day = day < 0 ? -1 : std::min(day, m_day.dataset().dayCount() - 1);
    if (day == m_compareDay)
        return;
    m_compareDay = day;
    m_then.clear();
    if (day >= 0) { // a day that cannot be read compares with nothing: the list stays empty
        const Dataset &dataset = m_day.dataset();
        auto then = controlindex::stateAt(dataset.database(), dataset.first().addDays(day).dayNumber());
        if (m_notices.check(then, tr("Cannot compare with %1").arg(compareDateText())))
            m_then = std::move(*then);
    }
    emit compareDayChanged();
    refresh();
}

QString CompareModel::compareDateText() const
{
    return m_compareDay < 0 ? QString() : QString::fromStdString(m_day.dataset().first().addDays(m_compareDay).toString());
}

QString CompareModel::describe(std::uint16_t control) const
{
    if (control == 0)
        return tr("unknown");
    const Control &c = m_day.territory().control(control);
    return controlText(c.state, m_day.dataset().factionNames(c.factions), ControlWording::Holder);
}

void CompareModel::refresh()
{
    std::vector<Row> rows;
    QSet<QString> changed;
    const Territory &territory = m_day.territory();
    const ControlVector &now = territory.controls();
    for (const auto &d : m_day.dataset().districts()) {
        const auto slot = std::size_t(d.number - 1);
        if (m_compareDay < 0 || slot >= now.size() || slot >= m_then.size())
            continue;
        const std::uint16_t a = m_then[slot], b = now[slot];
        if (!territory.changedHands(a, b))
            continue;
        const QString id = QString::fromStdString(d.id);
        changed.insert(id);
        if (rows.size() < kListed)
            rows.push_back({id, shown(d.name), describe(a), describe(b)});
    }
    resetRows(m_rows, std::move(rows));
    m_changedCount = int(changed.size());
    m_changed = std::move(changed);
    emit compared();
}
