// SPDX-License-Identifier: MIT
#include "importsupport.h"

#include "importsummary.h"
#include "query/controlindex.h"

#include <algorithm>
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

void refreshControlIndex(const Database &db, std::int64_t lastChange)
{
    auto s = db.prepare("SELECT min(day) FROM changes WHERE num > ?");
    s.bindAll(lastChange);
    if (s.step() && !s.isNull(0))
        controlindex::rebuild(db, int(s.integer(0)));
}

void insert(const CsvTable &t, Statement &statement)
{
    try {
        statement.run();
    } catch (const SqlError &e) {
        throw ImportError(std::format("{}: {}", t.where(), e.what()));
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
