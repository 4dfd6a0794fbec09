// SPDX-License-Identifier: MIT
#include "query/frontlineindex.h"

#include "geometry/geos.h"

#include <algorithm>

namespace frontline {

Result<Opposition> Opposition::load(const Database &db)
{
    auto controls = controlindex::controls(db);
    if (!controls)
        return std::unexpected(controls.error());
    return Opposition(*controls);
}

Opposition::Opposition(const std::vector<Control> &controls)
{
    m_controls = controls.size();
    m_opposed.resize(m_controls * m_controls);
    for (std::size_t a = 1; a < m_controls; ++a)
        for (std::size_t b = 1; b < m_controls; ++b)
            m_opposed[a * m_controls + b] = std::ranges::none_of(
                controls[a].factions, [&](const auto &f) { return std::ranges::contains(controls[b].factions, f); });
}

Result<FrontLineIndex> FrontLineIndex::load(const Database &db)
{
    auto opposition = Opposition::load(db);
    if (!opposition)
        return std::unexpected(opposition.error());
    return load(db, std::move(*opposition));
}

Result<FrontLineIndex> FrontLineIndex::load(const Database &db, Opposition opposition)
{
    FrontLineIndex index(std::move(opposition));
    return guarded([&]() -> Result<FrontLineIndex> {
        index.readBorders(db);
        return std::move(index);
    });
}

void FrontLineIndex::readBorders(const Database &db)
{
    geos::Context ctx;
    auto s = db.prepare("SELECT da.num, db.num, j.border FROM adjacency j JOIN districts da ON da.id = j.a "
                        "JOIN districts db ON db.id = j.b");
    while (s.step()) {
        const auto g = geos::fromWkb(ctx, s.blob(2));
        if (!g)
            continue;
        for (const auto &line : geos::lines(ctx, g.get())) {
            const auto begin = std::uint32_t(m_points.size());
            m_points.insert(m_points.end(), line.begin(), line.end());
            m_borders.push_back(
                {std::uint32_t(s.integer(0) - 1), std::uint32_t(s.integer(1) - 1), begin, std::uint32_t(m_points.size())});
        }
    }
}

std::vector<std::span<const LonLat>> FrontLineIndex::lines(const ControlVector &state) const
{
    std::vector<std::span<const LonLat>> out;
    for (const Border &b : m_borders)
        if (b.a < state.size() && b.b < state.size() && opposed(state[b.a], state[b.b]))
            out.emplace_back(m_points.data() + b.begin, b.end - b.begin);
    return out;
}

} // namespace frontline
