// SPDX-License-Identifier: MIT
#include "query/territory.h"

#include "geometry/area.h"

#include <algorithm>
#include <cmath>

namespace frontline {

Result<Territory> Territory::open(const Database &db, const std::vector<District> &districts, int day, Lines lines)
{
    auto cursor = ControlCursor::open(db, day);
    if (!cursor)
        return std::unexpected(cursor.error());
    auto controls = controlindex::controls(db);
    if (!controls)
        return std::unexpected(controls.error());
    Territory territory(std::move(*cursor), std::move(*controls));
    if (lines == Lines::Traced) {
        auto index = FrontLineIndex::load(db, territory.m_opposition);
        if (!index)
            return std::unexpected(index.error());
        territory.m_lines.emplace(std::move(*index));
    }
    territory.countHolders(districts);
    return territory;
}

void Territory::countHolders(const std::vector<District> &districts)
{
    for (const Control &c : m_controls)
        for (const auto &f : c.factions)
            if (!std::ranges::contains(m_holders, f, &Holder::id))
                m_holders.push_back({f});
    std::ranges::sort(m_holders, {}, &Holder::id);
    m_holders.push_back({"contested"});
    for (const Control &c : m_controls) {
        const auto holder = c.state == ControlState::Contested
            ? m_holders.end() - 1
            : std::ranges::find(m_holders, c.factions.empty() ? std::string() : c.factions.front(), &Holder::id);
        m_holderOfControl.push_back(holder == m_holders.end() ? -1 : int(holder - m_holders.begin()));
    }
    if (!m_holderOfControl.empty())
        m_holderOfControl[0] = -1;
    m_areaKm2.resize(controls().size());
    for (const auto &d : districts)
        if (d.number >= 1 && std::size_t(d.number) <= m_areaKm2.size())
            m_areaKm2[std::size_t(d.number - 1)] = areaKm2(d.parts);
    m_holderOf.assign(controls().size(), -1);
    account();
}

Result<void> Territory::moveTo(int day)
{
    const int distance = day - m_cursor.day();
    if (distance == 0)
        return {};
    auto moved = std::abs(distance) <= controlindex::kSnapshotEvery ? m_cursor.step(distance) : m_cursor.seek(day);
    account(); // a step that failed half-way still moved the districts it touched
    return moved;
}

bool Territory::changedHands(std::uint16_t a, std::uint16_t b) const
{
    if (a == b)
        return false;
    if (!a || !b || a >= m_controls.size() || b >= m_controls.size())
        return true;
    return m_controls[a].state != m_controls[b].state || m_controls[a].factions != m_controls[b].factions;
}

std::vector<bool> Territory::changedHandsToday(bool isFirstDay) const
{
    std::vector<bool> changed(controls().size(), false);
    if (!isFirstDay)
        for (const auto &change : changesToday())
            if (change.slot < changed.size() && changedHands(change.before, change.after))
                changed[change.slot] = true;
    return changed;
}

Territory::Holder Territory::holder(const std::string &id) const
{
    auto it = std::ranges::find(m_holders, id, &Holder::id);
    return it == m_holders.end() ? Holder{id} : *it;
}

void Territory::account()
{
    for (const auto slot : touched()) {
        const int next = m_holderOfControl[std::min<std::size_t>(controls()[slot], m_holderOfControl.size() - 1)];
        int &now = m_holderOf[slot];
        if (now == next)
            continue;
        if (now >= 0) {
            --m_holders[std::size_t(now)].districts;
            m_holders[std::size_t(now)].areaKm2 -= m_areaKm2[slot];
        }
        if (next >= 0) {
            ++m_holders[std::size_t(next)].districts;
            m_holders[std::size_t(next)].areaKm2 += m_areaKm2[slot];
        }
        now = next;
    }
}

} // namespace frontline
