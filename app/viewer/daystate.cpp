// SPDX-License-Identifier: MIT
#include "viewer/daystate.h"

#include "map/mapstyle.h"
#include "text/naturalorder.h"
#include "viewer/dataset.h"
#include "viewer/displaytext.h"
#include "viewer/notices.h"

#include <algorithm>
#include <numeric>

using namespace frontline;

namespace {
//! The day panel lists at most this many of a day's changes.
constexpr int kDayChangesShown = 500;
} // namespace

DayState::DayState(Dataset &dataset, Notices &notices, MapDay::Renderer renderer)
    : m_dataset(dataset), m_notices(notices), m_map(renderer)
{
    connect(&m_dataset, &Dataset::loaded, this, [this] { m_notices.check(load()); });
    connect(&m_dataset, &Dataset::edited, this, [this] { m_notices.check(load()); }); // the same day, redrawn
}

Result<void> DayState::load()
{
    const auto &districts = m_dataset.districts();
    const Date previous = m_date;
    m_date = previous == Date{} ? m_dataset.first() : std::max(previous, m_dataset.first());
    const bool items =
        m_map.rendererFor(districts.size()) == MapDay::Renderer::Items; // the batched layer traces the front itself
    auto territory = Territory::open(
        m_dataset.database(), districts, m_date.dayNumber(), items ? Territory::Lines::Traced : Territory::Lines::Untraced);
    if (!territory)
        return fail("cannot read the control history: " + territory.error().message);
    m_territory.emplace(std::move(*territory));
    // The day's list sorts changes by district name: by these numbers, a name compared once per district.
    // Natural order: "District 2" before "District 10".
    std::vector<std::string> keys(districts.size());
    std::ranges::transform(districts, keys.begin(), [](const District &d) { return naturalSortKey(d.name); });
    std::vector<std::uint32_t> byName(districts.size());
    std::iota(byName.begin(), byName.end(), 0u);
    std::ranges::sort(byName, {}, [&](std::uint32_t i) -> const std::string & { return keys[i]; });
    m_nameRank.assign(this->territory().controls().size(), 0);
    std::uint32_t rank = 0;
    for (std::size_t k = 0; k < byName.size(); ++k) {
        rank += k > 0 && keys[byName[k]] != keys[byName[k - 1]] ? 1 : 0;
        if (const auto slot = std::size_t(districts[byName[k]].number - 1); slot < m_nameRank.size())
            m_nameRank[slot] = rank;
    }
    m_controlTexts.clear();
    m_map.setDistricts(districts, *m_territory, ControlPalette(m_territory->controlTable(), m_dataset.colours()));
    refresh();
    emit loaded();
    emit dayChanged();
    return {};
}

int DayState::day() const
{
    return m_dataset.first().daysTo(m_date);
}

void DayState::setDay(int day)
{
    moveTo(m_dataset.first().addDays(std::clamp(day, 0, m_dataset.dayCount() - 1)));
}

void DayState::setDate(Date date)
{
    moveTo(std::max(date, m_dataset.first()));
}

QString DayState::dataEndNote() const
{
    return m_date > m_dataset.last() ? tr("Data end on %1: nothing recorded since").arg(m_dataset.lastDateText()) : QString();
}

void DayState::moveTo(Date date)
{
    if (date == m_date)
        return;
    m_date = date;
    refresh();
    emit dayChanged();
}

bool DayState::goToDate(const QString &text)
{
    auto date = Date::parse(text.trimmed().toStdString());
    if (!date)
        return false;
    if (*date < m_dataset.first()) {
        m_notices.report(tr("%1 is before the data, which cover %2 to %3")
                .arg(QString::fromStdString(date->toString()), m_dataset.firstDateText(), m_dataset.lastDateText()));
        return false;
    }
    setDate(*date);
    return true;
}

void DayState::jumpToChange(int direction)
{
    const auto next = m_dataset.queries().nearestChangeDay(m_date, direction);
    if (!m_notices.check(next))
        return;
    if (const std::optional<Date> day = *next)
        setDate(*day);
}

void DayState::refresh()
{
    if (!m_territory)
        return; // no dataset has loaded
    m_notices.check(m_territory->moveTo(m_date.dayNumber())); // the map shows the districts it could read
    showLegend();
    listChanges();
    m_map.setMoved(territory().changedHandsToday(m_date == m_dataset.first()));
}

void DayState::showLegend()
{
    std::vector<LegendModel::Row> legend;
    const auto &factions = m_dataset.factions();
    legend.reserve(factions.size() + 1);
    for (const auto &f : factions) {
        const Territory::Holder holder = territory().holder(f.id);
        legend.push_back(
            {QString::fromStdString(f.id), shown(f.name), m_dataset.colours().at(f.id), {}, holder.districts, holder.areaKm2});
    }
    // The contested swatch as the map draws a contest of the dataset's first two sides: a pale fill of the one
    // under stripes of the other.
    const QColor first = factions.empty() ? MapStyle::kNoSide : m_dataset.colours().at(factions[0].id);
    const QColor second = factions.size() > 1 ? m_dataset.colours().at(factions[1].id) : MapStyle::kNoSide;
    const Territory::Holder contested = territory().holder("contested");
    legend.push_back(
        {QStringLiteral("contested"), tr("Contested"), MapStyle::fill(ControlState::Contested, Confidence::High, first),
            MapStyle::stripes(ControlState::Contested, false, second), contested.districts, contested.areaKm2});
    m_legend.setRows(std::move(legend));
}

void DayState::listChanges()
{
    // Rows come in the order of the changes, which the list keeps within a name: the sort key is the name's
    // rank, then the row's position.
    struct Listed {
        std::uint64_t order;
        std::uint32_t slot;
        std::uint16_t control;
    };
    std::vector<Listed> rows;
    for (const auto &change : territory().changesToday())
        if (m_dataset.districtAtSlot(change.slot))
            rows.push_back({std::uint64_t(m_nameRank[change.slot]) << 32 | rows.size(), change.slot, change.after});
    m_dayChangeCount = int(rows.size());
    const auto listed = rows.begin() + std::min<std::ptrdiff_t>(std::ssize(rows), kDayChangesShown);
    std::ranges::partial_sort(rows, listed, {}, &Listed::order);
    std::vector<DayChangeModel::Row> shownRows;
    shownRows.reserve(std::size_t(listed - rows.begin()));
    for (auto row = rows.begin(); row != listed; ++row) {
        const District &d = *m_dataset.districtAtSlot(row->slot);
        DayChangeModel::Row text = rowText(row->control);
        text.districtId = QString::fromStdString(d.id);
        text.name = shown(d.name);
        shownRows.push_back(std::move(text));
    }
    m_dayChanges.setRows(std::move(shownRows));
}

const DayChangeModel::Row &DayState::rowText(std::uint16_t control)
{
    if (control >= m_controlTexts.size())
        m_controlTexts.resize(std::size_t(control) + 1);
    auto &text = m_controlTexts[control];
    if (!text) {
        const Control &c = territory().control(control);
        const QString summary = controlText(c.state, m_dataset.factionNames(c.factions), ControlWording::Phrase);
        text = DayChangeModel::Row{{}, {}, c.inferred ? tr("%1, inferred").arg(summary) : summary,
            QString::fromStdString(std::string(toString(c.confidence)))};
    }
    return *text;
}

std::vector<std::vector<LonLat>> DayState::frontLineOfDay() const
{
    std::vector<std::vector<LonLat>> out;
    if (territory().traced()) {
        for (const auto line : territory().frontLine())
            out.emplace_back(line.begin(), line.end());
    } else if (auto lines = m_dataset.queries().frontLine(m_date)) { // the batched layer traces it in pixels only
        out = std::move(*lines);
    }
    return out;
}
