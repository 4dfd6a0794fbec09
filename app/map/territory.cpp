// SPDX-License-Identifier: MIT
#include "territory.h"

#include <cmath>
#include <numbers>

using namespace frontline;

namespace {
const QColor kUnknown(0xbd, 0xbd, 0xbd, 160);
const QColor kInferredStripes(255, 255, 255, 170); // white stripes across a hold no report names

//! Area of polygons in lon/lat, in km², by the shoelace formula scaled at each ring's latitude.
double areaKm2(const std::vector<Polygon> &parts)
{
    double km2 = 0;
    for (const auto &polygon : parts)
        for (std::size_t r = 0; r < polygon.size(); ++r) {
            const auto &ring = polygon[r];
            double twice = 0, lat = 0;
            for (std::size_t i = 0; i < ring.size(); ++i) {
                const auto &a = ring[i], &b = ring[(i + 1) % ring.size()];
                twice += a.lon * b.lat - b.lon * a.lat;
                lat += a.lat;
            }
            lat = ring.empty() ? 0 : lat / double(ring.size());
            const double area = std::abs(twice) / 2 * 111.320 * std::cos(lat * std::numbers::pi / 180) * 110.574;
            km2 += r == 0 ? area : -area; // holes
        }
    return km2;
}
} // namespace

Territory::Territory(const Database &db, const std::vector<District> &districts,
    const std::unordered_map<std::string, QColor> &factionColours, int day, Lines lines)
    : m_cursor(db, day), m_opposition(db), m_controls(controlindex::controls(db))
{
    if (lines == Lines::Traced)
        m_lines.emplace(db);
    for (const auto &[id, colour] : factionColours)
        m_holders.push_back({id});
    std::ranges::sort(m_holders, {}, &Holder::id);
    m_holders.push_back({"contested"});
    for (const Control &c : m_controls) {
        const QColor first =
            c.factions.empty() || !factionColours.contains(c.factions.front()) ? kUnknown : factionColours.at(c.factions.front());
        QColor fill = first;
        // As the item renderer: contested is a pale first side, low confidence paler than the rest.
        fill.setAlpha(c.factions.empty()             ? kUnknown.alpha()
                : c.state == ControlState::Contested ? 110
                : c.confidence == Confidence::Low    ? 120
                                                     : 215);
        m_fills.push_back(fill);
        const bool striped =
            c.state == ControlState::Contested && c.factions.size() > 1 && factionColours.contains(c.factions[1]);
        m_stripes.push_back(striped ? factionColours.at(c.factions[1]) : c.inferred ? kInferredStripes : QColor());
        const auto holder = c.state == ControlState::Contested
            ? m_holders.end() - 1
            : std::ranges::find(m_holders, c.factions.empty() ? std::string() : c.factions.front(), &Holder::id);
        m_holderOfControl.push_back(holder == m_holders.end() ? -1 : int(holder - m_holders.begin()));
    }
    m_fills[0] = kUnknown;
    m_holderOfControl[0] = -1;
    m_areaKm2.resize(controls().size());
    for (const auto &d : districts)
        if (d.number >= 1 && std::size_t(d.number) <= m_areaKm2.size())
            m_areaKm2[std::size_t(d.number - 1)] = areaKm2(d.parts);
    m_holderOf.assign(controls().size(), -1);
    account();
}

void Territory::moveTo(int day)
{
    const int distance = day - m_cursor.day();
    if (distance == 0)
        return;
    if (std::abs(distance) <= controlindex::kSnapshotEvery)
        m_cursor.step(distance);
    else
        m_cursor.seek(day);
    account();
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
