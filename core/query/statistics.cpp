// SPDX-License-Identifier: MIT
#include "statistics.h"

#include "geometry/geos.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <numbers>
#include <unordered_map>

namespace frontline {

double areaKm2(const std::vector<unsigned char> &wkb)
{
    geos::Context ctx;
    auto g = geos::fromWkb(ctx, wkb);
    if (!g)
        return 0;
    double degrees2 = 0;
    GEOSArea_r(ctx.handle(), g.get(), &degrees2);
    const BoundingBox b = geos::bounds(ctx, g.get());
    const double lat = (b.min.lat + b.max.lat) / 2 * std::numbers::pi / 180;
    return degrees2 * 111.320 * std::cos(lat) * 110.574;
}

Result<std::vector<HolderTotal>> dailyTotals(const Database &db)
{
    try {
        std::unordered_map<std::string, double> area;
        auto districts = db.prepare("SELECT id, geometry FROM districts");
        while (districts.step())
            area[districts.text(0)] = areaKm2(districts.blob(1));
        std::vector<std::string> holders;
        auto factions = db.prepare("SELECT id FROM factions ORDER BY rowid");
        while (factions.step())
            holders.push_back(factions.text(0));
        holders.emplace_back("contested");

        auto span = db.prepare("SELECT min(day), max(day), (SELECT value FROM metadata WHERE key = 'end') FROM changes");
        span.step();
        const auto first = Date::parse(span.text(0));
        const auto last = std::max(Date::parse(span.text(1)), Date::parse(span.text(2)));
        if (!first || !last)
            return std::vector<HolderTotal>{};
        auto changes = db.prepare(
            "SELECT c.day, c.district_id, CASE c.state WHEN 'contested' THEN 'contested' ELSE "
            "(SELECT faction_id FROM change_factions WHERE change_id = c.id) END FROM changes c ORDER BY c.day, c.rowid");
        std::unordered_map<std::string, std::string> holderOf;
        std::vector<HolderTotal> out;
        bool more = changes.step();
        for (Date day = *first; day <= *last; day = day.addDays(1)) {
            while (more && Date::parse(changes.text(0)) <= day) {
                holderOf[changes.text(1)] = changes.text(2);
                more = changes.step();
            }
            std::map<std::string, HolderTotal> totals;
            for (const auto &h : holders)
                totals[h] = {day, h, 0, 0};
            for (const auto &[district, holder] : holderOf) {
                auto &t = totals[holder];
                t.date = day;
                t.holder = holder;
                ++t.districts;
                t.areaKm2 += area[district];
            }
            for (const auto &h : holders)
                out.push_back(totals[h]);
        }
        return out;
    } catch (const SqlError &e) {
        return fail(std::string("database error: ") + e.what());
    }
}

} // namespace frontline
