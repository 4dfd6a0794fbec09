// SPDX-License-Identifier: MIT
#include "query/statistics.h"

#include "geometry/area.h"
#include "query/controlcursor.h"

#include <algorithm>

namespace frontline {

Result<std::vector<HolderTotal>> dailyTotals(const Database &db)
{
    return guarded([&]() -> Result<std::vector<HolderTotal>> {
        std::vector<double> area(orThrow(controlindex::districtSlots(db)));
        auto districts = db.prepare("SELECT num, geometry FROM districts");
        while (districts.step())
            area[std::size_t(districts.integer(0) - 1)] = areaKm2(districts.blob(1));
        std::vector<std::string> holders;
        auto factions = db.prepare("SELECT id FROM factions ORDER BY rowid");
        while (factions.step())
            holders.push_back(factions.text(0));
        holders.emplace_back("contested");
        std::vector<int> holderOfControl; // index into holders, -1 for "unknown"
        for (const Control &c : orThrow(controlindex::controls(db))) {
            const auto it = c.factions.empty() ? holders.end() : std::ranges::find(holders, c.factions.front());
            holderOfControl.push_back(c.state == ControlState::Contested ? int(holders.size()) - 1
                    : it == holders.end()                                ? -1
                                                                         : int(it - holders.begin()));
        }

        auto span = db.prepare("SELECT (SELECT min(day) FROM changes), (SELECT max(day) FROM changes), "
                               "(SELECT value FROM metadata WHERE key = 'end')"); // one index probe each
        span.step();
        if (span.isNull(0))
            return std::vector<HolderTotal>{};
        const Date first = Date::fromDayNumber(int(span.integer(0)));
        const Date last = std::max(Date::fromDayNumber(int(span.integer(1))), Date::parse(span.text(2)).value_or(Date{}));

        // Step through the days, moving only the districts that changed between holders.
        std::vector<int> holderOf(area.size(), -1);
        std::vector<HolderTotal> totals(holders.size());
        ControlCursor cursor = orThrow(ControlCursor::open(db, first.dayNumber()));
        std::vector<HolderTotal> out;
        for (Date day = first; day <= last; day = day.addDays(1)) {
            if (day != first)
                orThrow(cursor.step());
            for (const auto slot : cursor.touched()) {
                const int next = holderOfControl.at(cursor.controls()[slot]);
                if (int &now = holderOf[slot]; now != next) {
                    if (now >= 0)
                        --totals[std::size_t(now)].districts, totals[std::size_t(now)].areaKm2 -= area[slot];
                    if (next >= 0)
                        ++totals[std::size_t(next)].districts, totals[std::size_t(next)].areaKm2 += area[slot];
                    now = next;
                }
            }
            for (std::size_t h = 0; h < holders.size(); ++h)
                out.push_back({day, holders[h], totals[h].districts, std::max(0.0, totals[h].areaKm2)});
        }
        return out;
    });
}

} // namespace frontline
