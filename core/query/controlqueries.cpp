// SPDX-License-Identifier: MIT
#include "query/controlqueries.h"

#include "geometry/geos.h"
#include "query/controlindex.h"
#include "query/districtresolver.h"
#include "query/frontlineindex.h"
#include "storage/untrusted.h"
#include "text/matchkey.h"

#include <algorithm>
#include <format>
#include <map>
#include <ranges>
#include <set>
#include <unordered_map>

namespace frontline {

namespace {
// Columns: id, day, district_id, state, confidence, note, factions (';'-joined, in order), num.
constexpr const char *kChangeColumns =
    "c.id, c.day, c.district_id, c.state, c.confidence, c.note, c.factions, c.num, c.inferred, c.status, c.recorded_by";

ControlChange readChange(const Statement &s, int first)
{
    ControlChange c;
    c.id = s.text(first);
    c.date = Date::parse(s.text(first + 1)).value_or(Date{});
    c.districtId = s.text(first + 2);
    c.state = parseControlState(s.text(first + 3)).value_or(ControlState::Held);
    c.confidence = parseConfidence(s.text(first + 4)).value_or(Confidence::Low);
    c.note = s.text(first + 5);
    for (const auto &part : std::views::split(s.text(first + 6), ';'))
        c.factions.emplace_back(std::string_view(part));
    c.inferred = s.integer(first + 8) != 0;
    c.draft = s.text(first + 9) == "draft";
    c.recordedBy = s.text(first + 10);
    return c;
}
} // namespace

Result<std::vector<Faction>> ControlQueries::factions() const
{
    return guarded([&]() -> Result<std::vector<Faction>> {
        std::vector<Faction> out;
        auto s = m_db.prepare("SELECT id, name, colour FROM factions ORDER BY rowid");
        while (s.step())
            out.push_back({s.text(0), s.text(1), s.text(2)});
        return out;
    });
}

Result<std::vector<District>> ControlQueries::districts(bool withGeometry, std::size_t maxVertices) const
{
    return guarded([&]() -> Result<std::vector<District>> {
        std::vector<District> out;
        geos::Context ctx;
        auto s = m_db.prepare("SELECT id, name, name_ar, centroid_lon, centroid_lat, min_lon, min_lat, max_lon, max_lat, "
                              "CASE WHEN ?1 AND length(geometry) <= ?2 THEN geometry END, num, length(geometry) "
                              "FROM districts ORDER BY id");
        s.bindAll(int(withGeometry), kMaxValueBytes);
        while (s.step()) {
            District d{int(s.integer(10)), s.text(0), s.text(1), s.text(2), {}, {s.real(3), s.real(4)},
                {{s.real(5), s.real(6)}, {s.real(7), s.real(8)}}};
            if (withGeometry && s.integer(11) > kMaxValueBytes) // read, it would be refused without naming the district
                return fail(std::format("district {}: its geometry is {} MB, over the {} MB a Frontline file may hold", d.id,
                    s.integer(11) >> 20, kMaxValueBytes >> 20));
            if (withGeometry) {
                const auto wkb = s.blob(9);
                if (auto g = geos::fromWkb(ctx, wkb))
                    d.parts = geos::polygons(ctx, maxVertices ? geos::simplified(ctx, std::move(g), maxVertices).get() : g.get());
            }
            out.push_back(std::move(d));
        }
        return out;
    });
}

Result<std::vector<DistrictState>> ControlQueries::stateAt(Date date) const
{
    return guarded([&]() -> Result<std::vector<DistrictState>> {
        std::vector<DistrictState> out;
        const auto controls = orThrow(controlindex::controls(m_db));
        const auto state = orThrow(controlindex::stateAt(m_db, date.dayNumber()));
        // Back from the latest change while the holders stay the same: the run's first day is `since`.
        auto run =
            m_db.prepare("SELECT num, day, control FROM changes WHERE district = ? AND day <= ? ORDER BY day DESC, num DESC");
        auto latest = m_db.prepare(std::format("SELECT {} FROM change_list c WHERE c.num = ?", kChangeColumns));
        auto districts = m_db.prepare("SELECT num, id, name FROM districts ORDER BY id");
        while (districts.step()) {
            DistrictState d{districts.text(1), districts.text(2), std::nullopt, Date{}};
            const auto slot = std::size_t(districts.integer(0) - 1);
            if (slot < state.size() && state[slot] != 0) {
                const Control &now = controls.at(state[slot]);
                run.bindAll(districts.integer(0), date.dayNumber());
                bool first = true;
                while (run.step()) {
                    const Control &c = controls.at(std::size_t(run.integer(2)));
                    if (c.state != now.state || c.factions != now.factions)
                        break;
                    if (first && latest.bindAll(run.integer(0)).step())
                        d.change = readChange(latest, 0);
                    latest.reset();
                    first = false;
                    d.since = Date::fromDayNumber(int(run.integer(1)));
                }
                run.reset();
            }
            out.push_back(std::move(d));
        }
        return out;
    });
}

Result<std::vector<ChangeWithEvidence>> ControlQueries::history(const std::string &districtId) const
{
    return guarded([&]() -> Result<std::vector<ChangeWithEvidence>> {
        std::vector<ChangeWithEvidence> out;
        auto changes = m_db.prepare(
            std::format("SELECT {} FROM change_list c WHERE c.district_id = ? ORDER BY c.day, c.num", kChangeColumns));
        auto evidence =
            m_db.prepare("SELECT e.stance, x.id, x.kind, CASE WHEN octet_length(x.text) <= ?2 THEN x.text END, s.id, "
                         "s.publisher, s.author, s.title, s.url, s.published, octet_length(x.text) "
                         "FROM evidence e JOIN excerpts x ON x.id = e.excerpt_id JOIN sources s ON s.id = x.source_id "
                         "WHERE e.change = ?1 ORDER BY e.stance, x.rowid");
        changes.bindAll(districtId);
        while (changes.step()) {
            ChangeWithEvidence item{readChange(changes, 0), {}};
            evidence.bindAll(changes.integer(7), kMaxValueBytes);
            while (evidence.step()) {
                if (evidence.integer(10) > kMaxValueBytes) // read, it would be refused without naming the excerpt
                    return fail(std::format("excerpt {}: its text is {} MB, over the {} MB a Frontline file may hold",
                        evidence.text(1), evidence.integer(10) >> 20, kMaxValueBytes >> 20));
                Evidence e;
                e.stance = static_cast<Stance>(std::clamp<std::int64_t>(evidence.integer(0), 0, 3));
                e.excerpt = {evidence.text(1), evidence.text(4), parseExcerptKind(evidence.text(2)).value_or(ExcerptKind::Note),
                    evidence.text(3)};
                e.source = {
                    evidence.text(4), evidence.text(5), evidence.text(6), evidence.text(7), evidence.text(8), evidence.text(9)};
                item.evidence.push_back(std::move(e));
            }
            out.push_back(std::move(item));
        }
        return out;
    });
}

Result<std::vector<ChangeDay>> ControlQueries::changeDays() const
{
    return guarded([&]() -> Result<std::vector<ChangeDay>> {
        std::vector<ChangeDay> out;
        auto s = m_db.prepare("SELECT day, count(*) FROM changes GROUP BY day ORDER BY day");
        while (s.step())
            out.push_back({Date::fromDayNumber(int(s.integer(0))), int(s.integer(1))});
        return out;
    });
}

Result<std::string> ControlQueries::findDistrict(const std::string &key) const
{
    return guarded([&]() -> Result<std::string> { return DistrictResolver(m_db).resolve(key); });
}

Result<std::vector<std::vector<LonLat>>> ControlQueries::frontLine(Date date) const
{
    return guarded([&]() -> Result<std::vector<std::vector<LonLat>>> {
        std::vector<std::vector<LonLat>> out;
        const FrontLineIndex index = orThrow(FrontLineIndex::load(m_db)); // the lines point into it
        for (const auto line : index.lines(orThrow(controlindex::stateAt(m_db, date.dayNumber()))))
            out.emplace_back(line.begin(), line.end());
        return out;
    });
}

Result<std::optional<Date>> ControlQueries::nearestChangeDay(Date date, int direction) const
{
    return guarded([&]() -> Result<std::optional<Date>> {
        auto s = m_db.prepare(
            direction > 0 ? "SELECT min(day) FROM changes WHERE day > ?" : "SELECT max(day) FROM changes WHERE day < ?");
        s.bindAll(date.dayNumber());
        if (!s.step() || s.isNull(0))
            return std::nullopt;
        return Date::fromDayNumber(int(s.integer(0)));
    });
}

Result<std::vector<unsigned char>> ControlQueries::geometry(const std::string &districtId) const
{
    return guarded([&]() -> Result<std::vector<unsigned char>> {
        auto s = m_db.prepare("SELECT geometry FROM districts WHERE id = ?");
        s.bindAll(districtId);
        return s.step() ? s.blob(0) : std::vector<unsigned char>{};
    });
}

Result<std::optional<std::string>> ControlQueries::districtAt(LonLat point) const
{
    return guarded([&]() -> Result<std::optional<std::string>> {
        geos::Context ctx;
        auto p = geos::own(ctx, GEOSGeom_createPointFromXY_r(ctx.handle(), point.lon, point.lat));
        auto s = m_db.prepare(
            "SELECT id, geometry FROM districts WHERE ?1 BETWEEN min_lon AND max_lon AND ?2 BETWEEN min_lat AND max_lat");
        s.bindAll(point.lon, point.lat);
        while (s.step()) {
            auto g = geos::fromWkb(ctx, s.blob(1));
            if (g && GEOSContains_r(ctx.handle(), g.get(), p.get()) == 1)
                return s.text(0);
        }
        return std::nullopt;
    });
}

Result<std::vector<SearchHit>> ControlQueries::search(const std::string &query, int limit) const
{
    try {
        std::vector<SearchHit> out;
        // Names: the full-text index, and match keys without apostrophes ("Sheikh Saeed" finds "Sheikh Sa’eed").
        std::string key = matchKey(query);
        std::erase(key, '\'');
        auto names = m_db.prepare("SELECT d.id, d.name, n.name FROM district_names n JOIN districts d ON d.id = n.district_id "
                                  "WHERE n.rowid IN (SELECT rowid FROM names_fts WHERE names_fts MATCH ?1) "
                                  "OR (length(?2) > 1 AND replace(n.match_key, char(39), '') LIKE '%' || ?2 || '%') GROUP BY "
                                  "d.id ORDER BY d.name COLLATE natural_order LIMIT ?3");
        names.bindAll(query, key, limit);
        try {
            while (names.step())
                out.push_back({names.text(0), names.text(1), std::nullopt, {}, std::nullopt, names.text(2)});
        } catch (const SqlError &) { // not valid FTS syntax: the excerpt search below reports it
            out.clear();
        }
        auto excerpts =
            m_db.prepare("SELECT d.id, d.name, c.day, c.id, e.stance, snippet(excerpts_fts, 0, '[', ']', '…', 24) "
                         "FROM excerpts_fts f JOIN excerpts x ON x.rowid = f.rowid JOIN evidence_list e ON e.excerpt_id = x.id "
                         "JOIN change_list c ON c.num = e.change_num JOIN districts d ON d.id = c.district_id "
                         "WHERE excerpts_fts MATCH ? ORDER BY rank, c.day LIMIT ?");
        excerpts.bindAll(query, limit);
        while (excerpts.step())
            out.push_back({excerpts.text(0), excerpts.text(1), Date::parse(excerpts.text(2)), excerpts.text(3),
                parseStance(excerpts.text(4)), excerpts.text(5)});
        // Incidents: through the reports they cite (excerpts, then the reports' titles) and their own description.
        auto reported =
            m_db.prepare("SELECT i.id, i.place, i.day, snippet(excerpts_fts, 0, '[', ']', '…', 24) FROM excerpts_fts f "
                         "JOIN excerpts x ON x.rowid = f.rowid JOIN incident_evidence e ON e.excerpt_id = x.id "
                         "JOIN incidents i ON i.id = e.incident_id WHERE excerpts_fts MATCH ? ORDER BY i.day, i.id, rank");
        reported.bindAll(query);
        std::set<std::string> found;
        while (reported.step())
            if (found.insert(reported.text(0)).second)
                out.push_back(
                    {{}, reported.text(1), Date::parse(reported.text(2)), {}, std::nullopt, reported.text(3), reported.text(0)});
        auto described = m_db.prepare(
            "SELECT i.id, i.place, i.day, i.description FROM incidents i WHERE length(?1) > 1 AND (i.description LIKE "
            "'%' || ?1 || '%' OR i.place LIKE '%' || ?1 || '%' OR EXISTS (SELECT 1 FROM incident_evidence e JOIN excerpts x "
            "ON x.id = e.excerpt_id JOIN sources s ON s.id = x.source_id WHERE e.incident_id = i.id AND s.title LIKE '%' || "
            "?1 || '%')) ORDER BY i.day, i.id");
        described.bindAll(query);
        while (described.step())
            if (found.insert(described.text(0)).second)
                out.push_back({{}, described.text(1), Date::parse(described.text(2)), {}, std::nullopt, described.text(3),
                    described.text(0)});
        return out;
    } catch (const SqlError &e) {
        return fail(std::format("invalid search \"{}\": {}", query, e.what()));
    }
}

Result<std::vector<Incident>> ControlQueries::incidentsOn(Date date) const
{
    return guarded([&]() -> Result<std::vector<Incident>> {
        std::vector<Incident> out;
        auto incidents = m_db.prepare("SELECT id, place, place_ar, lat, lon, location_confidence, description, confidence "
                                      "FROM incidents WHERE day = ? ORDER BY rowid");
        auto evidence =
            m_db.prepare("SELECT x.id, x.kind, x.text, s.id, s.publisher, s.author, s.title, s.url, s.published "
                         "FROM incident_evidence e JOIN excerpts x ON x.id = e.excerpt_id JOIN sources s ON s.id = x.source_id "
                         "WHERE e.incident_id = ? ORDER BY x.rowid");
        incidents.bindAll(date.toString());
        while (incidents.step()) {
            Incident i{incidents.text(0), date, incidents.text(1), incidents.text(2), std::nullopt, incidents.text(5),
                incidents.text(6), parseConfidence(incidents.text(7)).value_or(Confidence::Low), {}};
            if (!incidents.isNull(3) && !incidents.isNull(4))
                i.at = LonLat{incidents.real(4), incidents.real(3)};
            evidence.bindAll(i.id);
            while (evidence.step())
                i.evidence.push_back({{evidence.text(0), evidence.text(3),
                                          parseExcerptKind(evidence.text(1)).value_or(ExcerptKind::Note), evidence.text(2)},
                    {evidence.text(3), evidence.text(4), evidence.text(5), evidence.text(6), evidence.text(7), evidence.text(8)},
                    Stance::Context});
            out.push_back(std::move(i));
        }
        return out;
    });
}

Result<std::map<std::string, std::string>> ControlQueries::metadata() const
{
    return guarded([&]() -> Result<std::map<std::string, std::string>> {
        std::map<std::string, std::string> out;
        auto s = m_db.prepare("SELECT key, value FROM metadata");
        while (s.step())
            out[s.text(0)] = s.text(1);
        return out;
    });
}

Result<std::vector<std::string>> ControlQueries::publishersAt(Date date) const
{
    return guarded([&]() -> Result<std::vector<std::string>> {
        std::vector<std::string> out;
        if (!m_db.prepare("SELECT 1 FROM evidence LIMIT 1").step()) // generated wars cite nothing: no scan
            return out;
        auto s = m_db.prepare(
            "SELECT s.publisher FROM (SELECT num FROM (SELECT num, row_number() OVER (PARTITION BY district ORDER BY day "
            "DESC, num DESC) AS latest FROM changes WHERE day <= ?1) WHERE latest = 1) c JOIN evidence e ON e.change = c.num "
            "JOIN excerpts x ON x.id = e.excerpt_id JOIN sources s ON s.id = x.source_id "
            "GROUP BY s.publisher ORDER BY count(*) DESC, s.publisher");
        s.bindAll(date.dayNumber());
        while (s.step())
            out.push_back(s.text(0));
        return out;
    });
}

Result<std::vector<DayChange>> ControlQueries::changesOn(Date date) const
{
    return guarded([&]() -> Result<std::vector<DayChange>> {
        auto s = m_db.prepare("SELECT district, control FROM changes WHERE day = ? ORDER BY num");
        s.bindAll(date.dayNumber());
        std::vector<DayChange> out;
        while (s.step())
            out.push_back({s.integer(0), std::uint16_t(s.integer(1))});
        return out;
    });
}

Result<std::vector<DayCaption>> ControlQueries::captionsOn(Date date) const
{
    return guarded([&]() -> Result<std::vector<DayCaption>> {
        // Each change's evidence, strongest first: supports (0), infers (3), context (2), disputes (1); quotes first.
        auto s = m_db.prepare(
            "SELECT c.num, d.name, k.state, k.factions, x.id, s.publisher, x.text, e.stance FROM changes c "
            "JOIN districts d ON d.num = c.district JOIN controls k ON k.num = c.control "
            "LEFT JOIN evidence e ON e.change = c.num LEFT JOIN excerpts x ON x.id = e.excerpt_id "
            "LEFT JOIN sources s ON s.id = x.source_id WHERE c.day = ? "
            "ORDER BY c.num, CASE e.stance WHEN 0 THEN 0 WHEN 3 THEN 1 WHEN 2 THEN 2 ELSE 3 END, x.kind = 'note', x.id");
        s.bindAll(date.dayNumber());
        std::vector<DayCaption> out;
        std::map<std::pair<std::string, std::string>, std::size_t> lines; // (excerpt, control) -> line
        std::int64_t last = 0;
        while (s.step()) {
            if (s.integer(0) == last) // a weaker source of the same change
                continue;
            last = s.integer(0);
            const std::string excerpt = s.isNull(4) ? "" : s.text(4);
            const std::string control = s.text(2) + ":" + s.text(3);
            auto [at, added] = lines.try_emplace({excerpt, control}, out.size());
            if (added) {
                DayCaption caption;
                caption.state = parseControlState(s.text(2)).value_or(ControlState::Held);
                for (const auto &part : std::views::split(s.text(3), ';'))
                    caption.factions.emplace_back(std::string_view(part));
                if (!excerpt.empty()) {
                    caption.publisher = s.text(5);
                    caption.excerpt = s.text(6);
                    caption.stance = static_cast<Stance>(s.integer(7)); // stored as the enum's order
                }
                out.push_back(std::move(caption));
            }
            out[at->second].districts.push_back(s.text(1));
        }
        return out;
    });
}

Result<DataSpan> ControlQueries::span() const
{
    return guarded([&]() -> Result<DataSpan> {
        // Two subqueries: each is one index probe, where min() and max() together would scan every change.
        auto s = m_db.prepare("SELECT (SELECT min(day) FROM changes), (SELECT max(day) FROM changes), "
                              "(SELECT value FROM metadata WHERE key = 'end')");
        if (!s.step() || s.isNull(0))
            return fail("the database holds no changes yet; import a dataset first");
        const Date first = Date::fromDayNumber(int(s.integer(0)));
        const Date lastChange = Date::fromDayNumber(int(s.integer(1)));
        const Date declaredEnd = Date::parse(s.isNull(2) ? "" : s.text(2)).value_or(lastChange);
        return DataSpan{first, lastChange, std::max(lastChange, declaredEnd)};
    });
}

std::string DataSpan::refusal(Date date) const
{
    return date < first
        ? std::format("{} is before the data, which cover {} to {}", date.toString(), first.toString(), last.toString())
        : std::string();
}

std::string DataSpan::note(Date date) const
{
    return date > last
        ? std::format("the data end on {}; the state shown is that day's, with nothing recorded since", last.toString())
        : std::string();
}

} // namespace frontline
