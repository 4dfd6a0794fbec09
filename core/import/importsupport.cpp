// SPDX-License-Identifier: MIT
#include "import/importsupport.h"

#include "import/importsummary.h"
#include "query/controlindex.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <filesystem>
#include <ranges>

namespace frontline {

std::string ImportSummary::toString() const
{
    auto list = [](const std::map<std::string, int> &counts) {
        std::string out;
        for (const auto &[kind, n] : counts)
            out += std::format("{}{} {}", out.empty() ? "" : ", ", n, kind);
        return out;
    };
    std::string out = "added " + (added.empty() ? std::string("nothing") : list(added));
    if (!changed.empty())
        out += "; replaced " + list(changed);
    if (!repaired.empty())
        out += "; repaired " + list(repaired);
    if (!skipped.empty())
        out += "; skipped " + list(skipped);
    return out;
}

namespace importing {

void extendDataEnd(const Database &db, Date day)
{
    auto end = db.prepare("SELECT value FROM metadata WHERE key = 'end'");
    const auto declared = end.step() ? Date::parse(end.text(0)) : std::nullopt;
    if (!declared || *declared < day)
        db.prepare("INSERT OR REPLACE INTO metadata (key, value) VALUES ('end', ?)").bindAll(day.toString()).run();
}

std::string_view trimmed(std::string_view s)
{
    const auto b = s.find_first_not_of(" \t\r\n");
    const auto e = s.find_last_not_of(" \t\r\n");
    return b == std::string_view::npos ? std::string_view() : s.substr(b, e - b + 1);
}

std::string trim(std::string_view s)
{
    return std::string(trimmed(s));
}

std::string folded(std::string_view s)
{
    std::string out;
    bool space = false;
    for (std::size_t i = 0; i < s.size(); ++i) {
        const bool nbsp = s[i] == '\xC2' && i + 1 < s.size() && s[i + 1] == '\xA0';
        if (nbsp || s[i] == ' ' || s[i] == '\t' || s[i] == '\r' || s[i] == '\n') {
            space = true;
            i += nbsp;
            continue;
        }
        if (space && !out.empty())
            out += ' ';
        space = false;
        out += s[i];
    }
    return out;
}

std::string lowered(std::string_view s)
{
    std::string out(trimmed(s));
    std::ranges::transform(out, out.begin(), [](unsigned char c) { return char(std::tolower(c)); });
    return out;
}

CsvTable openTable(const std::filesystem::path &path, const std::vector<std::string> &required)
{
    auto table = CsvTable::open(path, required);
    if (!table)
        throw ImportError(table.error().message);
    return std::move(*table);
}

std::string need(const CsvTable &t, const std::string &column)
{
    std::string value = trim(t[column]);
    if (value.empty())
        throw ImportError(std::format("{}: empty \"{}\"", t.where(), column));
    return value;
}

double coordinate(const CsvTable &t, const std::string &column, double limit)
{
    const std::string text = need(t, column);
    double value = 0;
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec != std::errc{} || end != text.data() + text.size() || value < -limit || value > limit)
        throw ImportError(std::format(
            "{}: \"{}\" is not a valid {} (expected a number between -{} and {})", t.where(), text, column, limit, limit));
    return value;
}

std::int64_t lastChange(const Database &db)
{
    auto s = db.prepare("SELECT coalesce(max(num), 0) FROM changes");
    s.step();
    return s.integer(0);
}

bool loadsInBulk(std::uintmax_t bytes, std::int64_t stored)
{
    constexpr std::int64_t kBulkRows = 25'000;
    constexpr std::uintmax_t kBytesPerChange = 40; // a line of changes.csv
    return std::int64_t(bytes / kBytesPerChange) > std::max(kBulkRows, stored / 4);
}

bool loadsInBulk(const Database &db, const std::filesystem::path &changesCsv)
{
    std::error_code ec;
    const auto bytes = std::filesystem::file_size(changesCsv, ec);
    try {
        return !ec && loadsInBulk(bytes, lastChange(db));
    } catch (const SqlError &) { // the import will report it
        return false;
    }
}

KnownIds::KnownIds(const Database &db, const char *table, std::string_view what)
    : m_lookup(db.prepare(std::format("SELECT 1 FROM {} WHERE id = ?", table))), m_what(what)
{
}

void KnownIds::require(const std::string &id, const CsvTable &t)
{
    m_lookup.bindAll(id);
    if (!m_lookup.step())
        throw ImportError(std::format("{}: unknown {} \"{}\"", t.where(), m_what, id));
    m_lookup.reset();
}

std::optional<int> markInferredChanges(const Database &db)
{
    // Only changes with an inferring basis can be inferred; the partial index finds them without a scan.
    auto wrong = db.prepare("SELECT c.num, c.day, k.state, k.confidence, k.factions, 1 - k.inferred FROM changes c "
                            "JOIN controls k ON k.num = c.control WHERE c.num IN (SELECT change FROM evidence WHERE stance = 3) "
                            "AND k.inferred = EXISTS (SELECT 1 FROM evidence e WHERE e.change = c.num AND e.stance = 0)");
    auto addTwin = db.prepare("INSERT OR IGNORE INTO controls (state, confidence, factions, inferred) VALUES (?, ?, ?, ?)");
    auto twin = db.prepare("SELECT num FROM controls WHERE state = ? AND confidence = ? AND factions = ? AND inferred = ?");
    auto move = db.prepare("UPDATE changes SET control = ? WHERE num = ?");
    std::optional<int> earliest;
    std::vector<std::pair<std::int64_t, std::int64_t>> moves; // (change, control), applied after the read
    while (wrong.step()) {
        addTwin.bindAll(wrong.text(2), wrong.text(3), wrong.text(4), wrong.integer(5)).run();
        twin.bindAll(wrong.text(2), wrong.text(3), wrong.text(4), wrong.integer(5));
        twin.step();
        moves.emplace_back(wrong.integer(0), twin.integer(0));
        twin.reset();
        earliest = std::min(earliest.value_or(int(wrong.integer(1))), int(wrong.integer(1)));
    }
    for (auto [change, control] : moves)
        move.bindAll(control, change).run();
    return earliest;
}

void refreshControlIndex(const Database &db, std::int64_t lastChange, std::optional<int> alsoFrom)
{
    auto s = db.prepare("SELECT min(day) FROM changes WHERE num > ?");
    s.bindAll(lastChange);
    std::optional<int> from = alsoFrom;
    if (s.step() && !s.isNull(0))
        from = std::min(from.value_or(int(s.integer(0))), int(s.integer(0)));
    if (from)
        orThrow(controlindex::rebuild(db, *from));
}

std::string constraintInWords(std::string_view sqlite)
{
    // SQLite says "UNIQUE constraint failed: factions.id"; the user reads the row's fault and what to do.
    constexpr std::string_view unique = "UNIQUE constraint failed: ";
    if (sqlite.starts_with(unique)) {
        const std::string_view column = sqlite.substr(unique.size());
        const std::string_view table = column.substr(0, column.find('.'));
        return std::format("this row's {} is already in the database ({}); a dataset is imported once, into a new file: "
                           "to correct it, edit the folder and import it into a fresh database (docs/user-guide.md)",
            column.substr(column.find('.') + 1), table);
    }
    if (sqlite.starts_with("FOREIGN KEY constraint failed"))
        return "this row names something (a district, faction, source or excerpt) that the database does not hold";
    if (sqlite.starts_with("NOT NULL constraint failed: "))
        return std::format("{} is required", sqlite.substr(sqlite.find(": ") + 2));
    return std::string(sqlite);
}

void insert(const CsvTable &t, Statement &statement)
{
    try {
        statement.run();
    } catch (const SqlError &e) {
        throw ImportError(std::format("{}: {}", t.where(), constraintInWords(e.what())));
    }
}

std::vector<std::string> splitList(std::string_view text, char separator)
{
    std::vector<std::string> out;
    for (const auto &part : std::views::split(text, separator))
        if (auto item = trim(std::string_view(part)); !item.empty())
            out.push_back(std::move(item));
    return out;
}

} // namespace importing
} // namespace frontline
