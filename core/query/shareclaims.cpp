// SPDX-License-Identifier: MIT
#include "query/shareclaims.h"

#include "geometry/area.h"
#include "query/controlindex.h"

#include <algorithm>
#include <map>

namespace frontline {

namespace {
//! The faction's weight in a control: 1 when it holds the district, ½ when it is one side of a contest.
double weightOf(const Control &c, const std::string &faction)
{
    if (c.state == ControlState::Held)
        return !c.factions.empty() && c.factions.front() == faction ? 1.0 : 0.0;
    return std::ranges::find(c.factions, faction) != c.factions.end() ? 0.5 : 0.0;
}
} // namespace

Result<std::vector<ShareClaim>> shareClaims(const Database &db)
{
    try {
        std::vector<ShareClaim> out;
        auto s = db.prepare("SELECT c.id, c.day, c.area_id, a.name, c.faction_id, f.name, c.percent, c.claimant, "
                            "coalesce(src.publisher, ''), coalesce(x.text, '') FROM share_claims c "
                            "JOIN claim_areas a ON a.id = c.area_id JOIN factions f ON f.id = c.faction_id "
                            "LEFT JOIN excerpts x ON x.id = c.excerpt_id LEFT JOIN sources src ON src.id = x.source_id "
                            "ORDER BY c.day, c.id");
        while (s.step())
            out.push_back({s.text(0), Date::parse(s.text(1)).value_or(Date{}), s.text(2), s.text(3), s.text(4), s.text(5),
                s.real(6), s.text(7), s.text(8), s.text(9), 0});
        if (out.empty())
            return out;

        std::map<std::string, std::vector<std::pair<std::size_t, double>>> areas; // area -> (slot, km²)
        auto members = db.prepare("SELECT m.area_id, d.num, d.geometry FROM claim_area_districts m "
                                  "JOIN districts d ON d.id = m.district_id");
        while (members.step())
            areas[members.text(0)].emplace_back(std::size_t(members.integer(1) - 1), areaKm2(members.blob(2)));
        const auto controls = orThrow(controlindex::controls(db));
        std::map<int, ControlVector> states; // claims share days: each day's state is read once
        for (ShareClaim &claim : out) {
            const int day = claim.date.dayNumber();
            if (!states.contains(day))
                states[day] = orThrow(controlindex::stateAt(db, day));
            const ControlVector &state = states[day];
            double total = 0, held = 0;
            for (const auto &[slot, km2] : areas[claim.areaId]) {
                total += km2;
                if (slot < state.size() && state[slot] != 0)
                    held += km2 * weightOf(controls.at(state[slot]), claim.faction);
            }
            claim.measured = total > 0 ? 100 * held / total : 0;
        }
        return out;
    } catch (const SqlError &e) {
        return fail(std::string("database error: ") + e.what());
    }
}

} // namespace frontline
