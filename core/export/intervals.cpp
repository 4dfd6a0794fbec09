// SPDX-License-Identifier: MIT
#include "export/intervals.h"

#include <algorithm>
#include <ranges>

namespace frontline::exporting {

std::vector<Interval> intervals(const Database &db)
{
    std::vector<Interval> out;
    auto end = db.prepare("SELECT coalesce((SELECT value FROM metadata WHERE key = 'end'), ''), "
                          "(SELECT date(max(day) * 86400, 'unixepoch') FROM changes)");
    end.step();
    const Date last = std::max(Date::parse(end.text(0)).value_or(Date{}), Date::parse(end.text(1)).value_or(Date{}));
    auto changes = db.prepare("SELECT c.district_id, c.day, c.state, c.confidence, c.factions, "
                              "(SELECT count(*) FROM evidence WHERE change = c.num), c.inferred, "
                              "(SELECT s.publisher || iif(s.published = '', '', ' (' || s.published || ')') || ': ' || x.text "
                              " FROM evidence e JOIN excerpts x ON x.id = e.excerpt_id JOIN sources s ON s.id = x.source_id "
                              " WHERE e.change = c.num AND e.stance = 3 ORDER BY x.rowid LIMIT 1) FROM change_list c "
                              "ORDER BY c.district_id, c.day, c.num");
    while (changes.step()) {
        Interval next{changes.text(0), parseControlState(changes.text(2)).value_or(ControlState::Held), {},
            parseConfidence(changes.text(3)).value_or(Confidence::Medium), Date::parse(changes.text(1)).value_or(Date{}),
            last.addDays(1), int(changes.integer(5)), changes.integer(6) != 0,
            changes.isNull(7) ? std::string() : changes.text(7)};
        for (const auto &part : std::views::split(changes.text(4), ';'))
            next.factions.emplace_back(std::string_view(part));
        if (!out.empty() && out.back().districtId == next.districtId) {
            Interval &previous = out.back();
            if (previous.state == next.state && previous.factions == next.factions) { // same control, reported again
                previous.sources += next.sources;
                previous.confidence = next.confidence;
                previous.inferred = previous.inferred && next.inferred; // a report since confirms it
                if (!previous.inferred)
                    previous.basis.clear();
                continue;
            }
            previous.end = next.start;
            if (previous.end == previous.start) // superseded the same day
                out.pop_back();
        }
        out.push_back(std::move(next));
    }
    return out;
}

} // namespace frontline::exporting
