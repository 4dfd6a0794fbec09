// SPDX-License-Identifier: MIT
#include "map/territory.h"

#include "geometry/area.h"
#include "map/mapstyle.h"

#include <cmath>

using namespace frontline;

Result<Territory> Territory::open(const Database &db, const std::vector<District> &districts,
    const std::unordered_map<std::string, QColor> &factionColours, int day, Lines lines)
{
    auto cursor = ControlCursor::open(db, day);
    if (!cursor)
        return std::unexpected(cursor.error());
    auto controls = controlindex::controls(db);
    if (!controls)
        return std::unexpected(controls.error());
    Opposition opposition(*controls);
    Territory territory(std::move(*cursor), std::move(opposition), std::move(*controls));
    if (lines == Lines::Traced) {
        auto index = FrontLineIndex::load(db);
        if (!index)
            return std::unexpected(index.error());
        territory.m_lines.emplace(std::move(*index));
    }
    territory.colour(districts, factionColours);
    return territory;
}

void Territory::colour(const std::vector<District> &districts, const std::unordered_map<std::string, QColor> &factionColours)
{
    for (const auto &[id, colour] : factionColours)
        m_holders.push_back({id});
    std::ranges::sort(m_holders, {}, &Holder::id);
    m_holders.push_back({"contested"});
    auto colourOf = [&](const Control &c, std::size_t side) {
        return side < c.factions.size() && factionColours.contains(c.factions[side]) ? factionColours.at(c.factions[side])
                                                                                     : QColor();
    };
    for (const Control &c : m_controls) {
        m_fills.push_back(MapStyle::fill(c.state, c.confidence, colourOf(c, 0)));
        m_stripes.push_back(MapStyle::stripes(c.state, c.inferred, colourOf(c, 1)));
        const auto holder = c.state == ControlState::Contested
            ? m_holders.end() - 1
            : std::ranges::find(m_holders, c.factions.empty() ? std::string() : c.factions.front(), &Holder::id);
        m_holderOfControl.push_back(holder == m_holders.end() ? -1 : int(holder - m_holders.begin()));
    }
    m_fills[0] = MapStyle::kUnknown;
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
