// SPDX-License-Identifier: MIT
#include "record/editlog.h"

#include <array>
#include <chrono>
#include <cstdlib>
#include <format>

#include <pwd.h>
#include <unistd.h>

namespace frontline {

namespace {
constexpr std::array kActions{"import", "record", "cite", "correct", "retract", "verify", "reject", "undo", "redo"};

EditAction parseAction(std::string_view text)
{
    for (std::size_t i = 0; i < kActions.size(); ++i)
        if (text == kActions[i])
            return static_cast<EditAction>(i);
    return EditAction::Record; // the schema's CHECK admits no other word
}

std::string utcNow()
{
    return std::format("{:%FT%TZ}", std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now()));
}
} // namespace

std::string_view toString(EditAction action)
{
    return kActions[std::size_t(action)];
}

namespace editlog {

std::string defaultAuthor()
{
    if (const char *named = std::getenv("FRONTLINE_AUTHOR"); named != nullptr && *named != '\0')
        return named;
    if (const passwd *user = getpwuid(getuid()); user != nullptr && user->pw_name != nullptr)
        return user->pw_name;
    return std::format("uid {}", getuid());
}

std::int64_t append(const Database &db, const LogEntry &entry)
{
    auto s = db.prepare("INSERT INTO edits (at, author, action, change_id, district, before, after, reason) "
                        "VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
    s.bindAll(
         utcNow(), entry.author, toString(entry.action), entry.changeId, entry.district, entry.before, entry.after, entry.reason)
        .run();
    return s.lastInsertRowid();
}

Result<std::vector<LogEntry>> read(const Database &db, const LogFilter &filter)
{
    return guarded([&]() -> Result<std::vector<LogEntry>> {
        auto s = db.prepare("SELECT num, at, author, action, change_id, district, before, after, reason FROM edits "
                            "WHERE (?1 = '' OR district = ?1) AND (?2 = '' OR author = ?2) AND at >= ?3 ORDER BY num");
        s.bindAll(filter.district, filter.author, filter.since ? filter.since->toString() : std::string());
        std::vector<LogEntry> out;
        while (s.step())
            out.push_back({s.integer(0), s.text(1), s.text(2), parseAction(s.text(3)), s.text(4), s.text(5), s.text(6), s.text(7),
                s.text(8)});
        return out;
    });
}

std::string describeChange(const Database &db, std::int64_t num)
{
    auto s = db.prepare("SELECT day, state, factions, confidence, status, note, inferred FROM change_list WHERE num = ?");
    s.bindAll(num);
    if (!s.step())
        return {};
    std::string out =
        std::format("day={} state={} factions={} confidence={} status={}", s.text(0), s.text(1), s.text(2), s.text(3), s.text(4));
    if (s.integer(6) != 0)
        out += " inferred";
    if (!s.text(5).empty())
        out += " note=" + s.text(5);
    return out;
}

} // namespace editlog

} // namespace frontline
