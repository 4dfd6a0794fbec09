// SPDX-License-Identifier: MIT
#include "query/verifiedonly.h"

#include "domain/date.h"
#include "query/controlindex.h"

#include <optional>
#include <vector>

namespace frontline::verifiedonly {
namespace {
//! A change's words in the log (editlog::describeChange): "day=… state=… factions=… confidence=… status=…
//! [inferred] [note=…]".
struct Version {
    Date day;
    std::string state, factions, confidence, note;
    bool inferred = false;
};

std::optional<Version> parseVersion(std::string_view words)
{
    Version v;
    std::optional<Date> day;
    const auto notePos = words.find(" note=");
    if (notePos != std::string_view::npos) {
        v.note = std::string(words.substr(notePos + 6));
        words = words.substr(0, notePos);
    }
    for (std::size_t at = 0; at < words.size();) {
        const std::size_t end = std::min(words.find(' ', at), words.size());
        const std::string_view word = words.substr(at, end - at);
        const auto eq = word.find('=');
        const std::string_view key = word.substr(0, eq), value = eq == std::string_view::npos ? "" : word.substr(eq + 1);
        if (key == "day")
            day = Date::parse(value);
        else if (key == "state")
            v.state = value;
        else if (key == "factions")
            v.factions = value;
        else if (key == "confidence")
            v.confidence = value;
        else if (key == "inferred")
            v.inferred = true;
        at = end + 1;
    }
    if (!day || v.state.empty())
        return std::nullopt;
    v.day = *day;
    return v;
}

//! A draft that someone had verified before a correction made it a draft again is published as it was then: the
//! latest log entry that shows it verified gives that version (a verification's "after", a correction's
//! "before").
void keepPublishedVersions(const Database &db)
{
    db.exec("CREATE TEMP TABLE published_versions AS SELECT * FROM main.changes WHERE 0");
    // The latest entry that mentions it verified: an undone verification (before verified, after a draft) gives none.
    auto drafts = db.prepare("SELECT c.num, CASE WHEN e.after LIKE '% status=verified%' THEN e.after "
                             "  WHEN e.action = 'correct' THEN e.before ELSE '' END "
                             "FROM main.changes c JOIN main.edits e ON e.change_id = coalesce(c.id, '#' || c.num) "
                             "WHERE c.status = 0 AND (e.after LIKE '% status=verified%' OR e.before LIKE '% status=verified%') "
                             "ORDER BY c.num, e.num DESC");
    auto control = db.prepare("SELECT num FROM controls WHERE state = ? AND factions = ? AND confidence = ? AND inferred = ?");
    auto copy = db.prepare("INSERT INTO temp.published_versions SELECT * FROM main.changes WHERE num = ?");
    auto set = db.prepare("UPDATE temp.published_versions SET day = ?, control = ?, note = nullif(?, ''), status = 1 "
                          "WHERE num = ?");
    for (std::int64_t last = 0; drafts.step();) {
        const std::int64_t num = drafts.integer(0);
        if (num == last)
            continue; // an older entry of the same change
        last = num;
        const auto version = parseVersion(drafts.text(1));
        if (!version)
            continue;
        control.bindAll(version->state, version->factions, version->confidence, version->inferred ? 1 : 0);
        const bool known = control.step(); // controls are never removed, so the version's own is there
        const std::int64_t controlNum = known ? control.integer(0) : 0;
        control.reset();
        if (!known)
            continue;
        copy.bindAll(num).run();
        set.bindAll(version->day.dayNumber(), controlNum, version->note, num).run();
    }
}

//! The list views of `main`, made again in `temp` so that they read the views above (a view in `main` sees only
//! `main`'s tables).
void remakeListViews(const Database &db)
{
    auto views =
        db.prepare("SELECT sql FROM main.sqlite_master WHERE type = 'view' AND name IN ('change_list', 'evidence_list')");
    std::vector<std::string> statements;
    while (views.step())
        statements.push_back("CREATE TEMP" + views.text(0).substr(std::string_view("CREATE").size()));
    for (const auto &sql : statements)
        db.exec(sql.c_str());
}
} // namespace

Result<void> hideDrafts(const Database &db)
{
    return guarded([&]() -> Result<void> {
        keepPublishedVersions(db);
        db.exec("CREATE TEMP VIEW changes AS SELECT * FROM main.changes WHERE status = 1 "
                "  UNION ALL SELECT * FROM temp.published_versions;"
                "CREATE TEMP VIEW evidence AS SELECT * FROM main.evidence WHERE status = 1;");
        remakeListViews(db);
        return {};
    });
}

Result<void> show(const Database &db)
{
    if (auto ok = hideDrafts(db); !ok)
        return ok;
    return guarded([&]() -> Result<void> {
        db.exec("CREATE TEMP TABLE control_snapshots (day INTEGER PRIMARY KEY, controls BLOB NOT NULL);"
                "INSERT INTO temp.control_snapshots SELECT day, controls FROM main.control_snapshots;");
        std::vector<std::int64_t> districts;
        int firstDay = 0;
        auto drafts = db.prepare("SELECT district, min(day) FROM (SELECT district, day FROM main.changes WHERE status = 0 "
                                 "  UNION ALL SELECT district, day FROM temp.published_versions) GROUP BY district");
        while (drafts.step()) {
            districts.push_back(drafts.integer(0));
            firstDay = districts.size() == 1 ? int(drafts.integer(1)) : std::min(firstDay, int(drafts.integer(1)));
        }
        if (districts.empty())
            return {};
        return controlindex::update(db, districts, firstDay);
    });
}

bool shown(const Database &db)
{
    auto s = db.prepare("SELECT 1 FROM temp.sqlite_master WHERE type = 'view' AND name = 'changes'");
    return s.step();
}

} // namespace frontline::verifiedonly
