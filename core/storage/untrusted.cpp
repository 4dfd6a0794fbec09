// SPDX-License-Identifier: MIT
#include "storage/untrusted.h"

#include "schema_sql.h"
#include "storage/statement.h"

#include <algorithm>
#include <cctype>
#include <format>
#include <map>
#include <memory>
#include <mutex>
#include <set>
#include <tuple>

namespace frontline {

namespace {
struct Object {
    std::string table;
    std::string sql; // whitespace collapsed; empty for SQLite's own automatic indexes
    bool operator==(const Object &) const = default;
};
using Schema = std::map<std::tuple<std::string, std::string>, Object>; // by type and name

//! The statement's tokens, one space apart: comments and layout dropped, words in lower case (SQLite reads them
//! so), quoted strings and names as written. Two statements SQLite would read alike come out equal.
std::string collapsed(std::string_view sql)
{
    std::string out;
    auto word = [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '$' || (c & 0x80); };
    for (std::size_t i = 0; i < sql.size();) {
        const char c = sql[i];
        std::size_t end = i + 1;
        if (std::isspace(static_cast<unsigned char>(c))) {
            ++i;
            continue;
        }
        if (sql.substr(i, 2) == "--") {
            i = std::min(sql.size(), sql.find('\n', i));
            continue;
        }
        if (sql.substr(i, 2) == "/*") {
            const auto close = sql.find("*/", i + 2);
            i = close == std::string_view::npos ? sql.size() : close + 2;
            continue;
        }
        if (c == '\'' || c == '"' || c == '`' || c == '[') {
            const char closing = c == '[' ? ']' : c;
            while (end < sql.size() && (sql[end] != closing || (end + 1 < sql.size() && sql[end + 1] == closing && c != '[')))
                end += sql[end] == closing ? 2 : 1;
            end = std::min(sql.size(), end + 1);
            out.append(out.empty() ? "" : " ").append(sql.substr(i, end - i));
        } else if (word(c)) {
            while (end < sql.size() && word(sql[end]))
                ++end;
            out.append(out.empty() ? "" : " ");
            for (std::size_t k = i; k < end; ++k)
                out += char(std::tolower(static_cast<unsigned char>(sql[k])));
        } else {
            out.append(out.empty() ? "" : " ").append(1, c);
        }
        i = end;
    }
    return out;
}

Schema schemaOf(sqlite3 *db)
{
    Schema schema;
    Statement s(db, "SELECT type, name, tbl_name, sql FROM sqlite_schema");
    while (s.step())
        schema[{s.text(0), s.text(1)}] = Object{s.text(2), s.isNull(3) ? std::string() : collapsed(s.text(3))};
    return schema;
}

//! What the steps up to `version` make, in a database of their own in memory; made once per version.
const Schema &expected(int version)
{
    static std::mutex mutex;
    static std::map<int, Schema> made;
    const std::scoped_lock lock(mutex);
    if (auto it = made.find(version); it != made.end())
        return it->second;
    sqlite3 *raw = nullptr;
    sqlite3_open_v2(":memory:", &raw, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr);
    const std::unique_ptr<sqlite3, int (*)(sqlite3 *)> db(raw, sqlite3_close);
    for (int step = 0; step < version && step < int(kSchemaSteps.size()); ++step)
        if (sqlite3_exec(raw, kSchemaSteps[std::size_t(step)], nullptr, nullptr, nullptr) != SQLITE_OK)
            throw SqlError(std::format("schema step {}: {}", step + 1, sqlite3_errmsg(raw)));
    return made[version] = schemaOf(raw);
}

std::string describe(const std::string &type, const std::string &name, const Object &o)
{
    return o.table == name || o.table.empty() ? std::format("{} {}", type, name)
                                              : std::format("{} {} on {}", type, name, o.table);
}

//! Statistics that SQLite's ANALYZE keeps: they steer query plans only, and a user may have made them.
bool isStatistics(const std::string &type, const std::string &name)
{
    return type == "table" && (name == "sqlite_stat1" || name == "sqlite_stat4");
}
} // namespace

std::vector<std::string> schemaDifferences(sqlite3 *db, int version)
{
    const Schema &want = expected(version);
    const Schema have = schemaOf(db);
    std::map<std::string, std::string> wantedType; // by name
    for (const auto &[key, object] : want)
        wantedType[std::get<1>(key)] = std::get<0>(key);
    std::vector<std::string> out;
    std::set<std::string> replaced;
    for (const auto &[key, object] : have) {
        const auto &[type, name] = key;
        const auto it = want.find(key);
        if (const auto other = wantedType.find(name); it == want.end() && other != wantedType.end()) {
            out.push_back(std::format("{} {} is replaced by a {}", other->second, name, type));
            replaced.insert(name);
        } else if (it == want.end()) {
            if (!isStatistics(type, name))
                out.push_back(describe(type, name, object) + " is not part of a Frontline database");
        } else if (!(it->second == object)) {
            out.push_back(describe(type, name, object) + " differs from Frontline's own definition");
        }
    }
    for (const auto &[key, object] : want)
        if (!have.contains(key) && !replaced.contains(std::get<1>(key)))
            out.push_back(describe(std::get<0>(key), std::get<1>(key), object) + " is missing");
    return out;
}

void makeDefensive(sqlite3 *db)
{
    sqlite3_db_config(db, SQLITE_DBCONFIG_DEFENSIVE, 1, nullptr);
    sqlite3_db_config(db, SQLITE_DBCONFIG_TRUSTED_SCHEMA, 0, nullptr);
    sqlite3_db_config(db, SQLITE_DBCONFIG_ENABLE_LOAD_EXTENSION, 0, nullptr);
    sqlite3_limit(db, SQLITE_LIMIT_LENGTH, kMaxValueBytes);
    sqlite3_limit(db, SQLITE_LIMIT_SQL_LENGTH, 1 << 20);
    sqlite3_limit(db, SQLITE_LIMIT_COLUMN, 100);
    sqlite3_limit(db, SQLITE_LIMIT_EXPR_DEPTH, 100);
    sqlite3_limit(db, SQLITE_LIMIT_COMPOUND_SELECT, 50);
    sqlite3_limit(db, SQLITE_LIMIT_TRIGGER_DEPTH, 4);
    sqlite3_limit(db, SQLITE_LIMIT_LIKE_PATTERN_LENGTH, 1000);
    sqlite3_exec(db, "PRAGMA cell_size_check = ON; PRAGMA mmap_size = 0", nullptr, nullptr, nullptr);
}

void limitWork(sqlite3 *db, long &budget)
{
    constexpr int kStepsPerCall = 1000;
    sqlite3_progress_handler(
        db, kStepsPerCall, [](void *left) { return (*static_cast<long *>(left) -= kStepsPerCall) < 0 ? 1 : 0; }, &budget);
}

} // namespace frontline
