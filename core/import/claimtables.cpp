// SPDX-License-Identifier: MIT
#include "import/claimtables.h"

#include "import/importsupport.h"

#include <charconv>

namespace frontline::importing {

void importClaimAreas(const Database &db, CsvTable &t, ImportSummary &summary)
{
    auto area = db.prepare("INSERT INTO claim_areas (id, name) VALUES (?, ?)");
    auto member = db.prepare("INSERT OR IGNORE INTO claim_area_districts (area_id, district_id) VALUES (?, ?)");
    KnownIds districts(db, "districts", "district");
    while (t.next()) {
        const std::string id = need(t, "id");
        area.bindAll(id, need(t, "name"));
        insert(t, area);
        const auto members = splitList(t["districts"], ';');
        if (members.empty())
            throw ImportError(std::format("{}: area \"{}\" names no districts", t.where(), id));
        for (const auto &district : members) {
            districts.require(district, t);
            member.bindAll(id, district);
            insert(t, member);
        }
        ++summary.added["claim areas"];
    }
}

void importShareClaims(const Database &db, CsvTable &t, ImportSummary &summary)
{
    auto s = db.prepare("INSERT INTO share_claims (id, day, area_id, faction_id, percent, claimant, excerpt_id) "
                        "VALUES (?, ?, ?, ?, ?, ?, nullif(?, ''))");
    KnownIds areas(db, "claim_areas", "claim area"), factions(db, "factions", "faction"), excerpts(db, "excerpts", "excerpt");
    while (t.next()) {
        const std::string date = need(t, "date");
        if (!Date::parse(date))
            throw ImportError(std::format("{}: date \"{}\" is not YYYY-MM-DD", t.where(), date));
        areas.require(need(t, "area_id"), t);
        factions.require(need(t, "faction"), t);
        const std::string text = need(t, "percent");
        double percent = -1;
        const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), percent);
        if (ec != std::errc() || end != text.data() + text.size() || percent < 0 || percent > 100)
            throw ImportError(std::format("{}: percent \"{}\" is not a number from 0 to 100", t.where(), text));
        const std::string excerpt = trim(t["excerpt_id"]);
        if (!excerpt.empty())
            excerpts.require(excerpt, t);
        s.bindAll(need(t, "id"), date, need(t, "area_id"), need(t, "faction"), percent, need(t, "claimant"), excerpt);
        insert(t, s);
        ++summary.added["share claims"];
    }
}

} // namespace frontline::importing
