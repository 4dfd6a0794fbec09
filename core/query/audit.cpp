// SPDX-License-Identifier: MIT
#include "query/audit.h"

#include "query/controlcursor.h"
#include "query/controlindex.h"
#include "query/shareclaims.h"

#include <algorithm>
#include <cmath>
#include <format>
#include <map>
#include <optional>

namespace frontline {

namespace {
using Severity = AuditFinding::Severity;

struct Names {
    std::vector<std::string> id, name; //!< by slot (number - 1)
};

Names namesOf(const Database &db)
{
    Names out;
    auto s = db.prepare("SELECT num, id, name FROM districts");
    while (s.step()) {
        const auto slot = std::size_t(s.integer(0) - 1);
        if (slot >= out.id.size()) {
            out.id.resize(slot + 1);
            out.name.resize(slot + 1);
        }
        out.id[slot] = s.text(1);
        out.name[slot] = s.text(2);
    }
    return out;
}

//! Findings of one query: each row is (day, district number, detail).
void findByQuery(const Database &db, const Names &names, const char *sql, Severity severity, const char *check,
    std::vector<AuditFinding> &out, std::optional<int> parameter = std::nullopt)
{
    auto s = db.prepare(sql);
    if (parameter)
        s.bindAll(*parameter);
    while (s.step()) {
        const auto slot = std::size_t(s.integer(1) - 1);
        out.push_back({severity, check, Date::fromDayNumber(int(s.integer(0))), names.id[slot], names.name[slot], s.text(2)});
    }
}

std::string sidesOf(const Control &c)
{
    std::string out;
    for (const auto &f : c.factions)
        out += (out.empty() ? "" : c.state == ControlState::Contested ? " / " : "") + f;
    return c.state == ControlState::Contested ? "contested (" + out + ")" : out;
}

//! Districts shown as one side's while every neighbour has been another's for longer than `days`, with no
//! change of their own meanwhile: walks the days with the control cursor.
void findStaleEnclosed(const Database &db, const Names &names, int days, std::vector<AuditFinding> &out)
{
    auto span = db.prepare("SELECT min(day), max(day) FROM changes");
    if (!span.step() || span.isNull(0))
        return;
    const int first = int(span.integer(0)), last = int(span.integer(1));
    std::vector<std::vector<std::uint32_t>> neighbours(names.id.size());
    auto adjacency =
        db.prepare("SELECT da.num, db.num FROM adjacency j JOIN districts da ON da.id = j.a JOIN districts db ON db.id = j.b");
    while (adjacency.step()) {
        const auto a = std::uint32_t(adjacency.integer(0) - 1), b = std::uint32_t(adjacency.integer(1) - 1);
        neighbours[a].push_back(b);
        neighbours[b].push_back(a);
    }
    const auto controls = orThrow(controlindex::controls(db));
    ControlCursor cursor = orThrow(ControlCursor::open(db, first));
    std::vector<int> enclosedSince(names.id.size(), -1), lastChange(names.id.size(), first);
    std::vector<bool> reported(names.id.size(), false);
    for (int day = first; day <= last; ++day) {
        if (day > first)
            orThrow(cursor.step());
        const auto &state = cursor.controls();
        for (auto slot : cursor.touched())
            if (slot < lastChange.size()) {
                lastChange[slot] = day;
                reported[slot] = false;
            }
        for (std::size_t d = 0; d < neighbours.size() && d < state.size(); ++d) {
            // The one control all neighbours share, if they do and it is a faction's hold.
            std::uint16_t around = 0;
            bool shared = !neighbours[d].empty();
            for (auto n : neighbours[d]) {
                const std::uint16_t c = n < state.size() ? state[n] : 0;
                if (!c || controls[c].state != ControlState::Held
                    || (around && controls[c].factions != controls[around].factions)) {
                    shared = false;
                    break;
                }
                around = c;
            }
            const bool differs = shared && state[d] && controls[state[d]].factions != controls[around].factions;
            if (!differs) {
                enclosedSince[d] = -1;
                continue;
            }
            if (enclosedSince[d] < 0)
                enclosedSince[d] = day;
            const int since = std::max(enclosedSince[d], lastChange[d]);
            if (!reported[d] && day - since > days) {
                reported[d] = true;
                out.push_back({Severity::Warning, "stale enclosed", Date::fromDayNumber(day), names.id[d], names.name[d],
                    std::format("every neighbour held by {} since {}; still shown as {}, with no report since {}",
                        controls[around].factions.front(), Date::fromDayNumber(enclosedSince[d]).toString(),
                        sidesOf(controls[state[d]]), Date::fromDayNumber(lastChange[d]).toString())});
            }
        }
    }
}
} // namespace

//! Review gone wrong: a change its own author verified (a file edited outside Frontline, or merged), and drafts
//! nobody has reviewed for `days`.
void findReviewProblems(const Database &db, const Names &names, int days, std::vector<AuditFinding> &out)
{
    // The edit that made each change what it is now: its latest recording or correction.
    constexpr const char *kDrafted =
        "coalesce((SELECT num FROM edits r WHERE r.change_id = coalesce(c.id, '#' || c.num) AND r.change_id <> '' "
        "AND r.action IN ('record', 'correct') ORDER BY r.num DESC LIMIT 1), c.recorded)"; // or the import of a draft
    findByQuery(db, names,
        std::format("SELECT c.day, c.district, 'change ' || coalesce(c.id, '#' || c.num) || ' was verified by ' || v.author "
                    "|| ', who recorded it' FROM changes c JOIN edits d ON d.num = {} JOIN edits v ON v.change_id = "
                    "coalesce(c.id, '#' || c.num) "
                    "AND v.change_id <> '' AND v.num > d.num AND v.action = 'verify' AND v.reason = '' AND v.author = d.author",
            kDrafted)
            .c_str(),
        Severity::Error, "self-verified", out);
    findByQuery(db, names,
        std::format("SELECT c.day, c.district, 'change ' || coalesce(c.id, '#' || c.num) || ' has been a draft since ' || d.at "
                    "|| ' (' || d.action || ' by ' || d.author || ')' FROM changes c JOIN edits d ON d.num = {} "
                    "WHERE c.status = 0 AND julianday('now') - julianday(d.at) > ?",
            kDrafted)
            .c_str(),
        Severity::Warning, "old draft", out, days);
}

Result<std::vector<AuditFinding>> audit(const Database &db, const AuditOptions &options)
{
    try {
        const Names names = namesOf(db);
        std::vector<AuditFinding> out;
        findByQuery(db, names,
            "SELECT c.day, c.district, 'change ' || coalesce(c.id, '#' || c.num) || ' cites no source' FROM changes c "
            "WHERE NOT EXISTS (SELECT 1 FROM evidence e WHERE e.change = c.num)",
            Severity::Error, "no evidence", out);
        findByQuery(db, names,
            "SELECT c.day, c.district, 'change ' || coalesce(c.id, '#' || c.num) || ': every source cited disputes it' "
            "FROM changes c WHERE EXISTS (SELECT 1 FROM evidence e WHERE e.change = c.num) "
            "AND NOT EXISTS (SELECT 1 FROM evidence e WHERE e.change = c.num AND e.stance <> 1)",
            Severity::Error, "only disputed", out);
        findByQuery(db, names,
            "SELECT day, district, count(*) || ' changes on one day: ' || group_concat(coalesce(id, '#' || num), ', ') "
            "FROM changes GROUP BY district, day HAVING count(*) > 1",
            Severity::Error, "flip-flop", out);
        findByQuery(db, names,
            "SELECT c.day, c.district, 'change ' || coalesce(c.id, '#' || c.num) || ' rests on ' || s.publisher || ', published "
            "' "
            "|| s.published || ', ' || CAST(julianday(s.published) - 2440587.5 - c.day AS INTEGER) || ' days later' "
            "FROM changes c JOIN evidence e ON e.change = c.num AND e.stance IN (0, 3) JOIN excerpts x ON x.id = e.excerpt_id "
            "JOIN sources s ON s.id = x.source_id WHERE s.published <> '' AND julianday(s.published) - 2440587.5 - c.day > ?",
            Severity::Warning, "late source", out, options.lateDays);
        findStaleEnclosed(db, names, options.enclosedDays, out);
        findReviewProblems(db, names, options.draftDays, out);
        auto claims = shareClaims(db);
        if (!claims)
            throw SqlError(claims.error().message);
        for (const ShareClaim &c : *claims)
            if (std::abs(c.measured - c.claimed) > options.claimPoints)
                out.push_back({Severity::Warning, "share claim", c.date, "", "",
                    std::format("claim {}: {} says {} holds {:.0f}% of {}; the dataset shows {:.0f}% ({:.0f} points {})", c.id,
                        c.claimant, c.factionName, c.claimed, c.areaName, c.measured, std::abs(c.measured - c.claimed),
                        c.measured < c.claimed ? "less" : "more")});
        std::ranges::stable_sort(out, {}, [](const AuditFinding &f) { return std::tuple(f.date, f.districtId); });
        return out;
    } catch (const SqlError &e) {
        return fail(std::string("database error: ") + e.what());
    }
}

} // namespace frontline
