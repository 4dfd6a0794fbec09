// SPDX-License-Identifier: MIT
#include "import/changecolumns.h"

#include "import/importsupport.h"

#include <algorithm>
#include <array>
#include <vector>

namespace frontline::importing {
namespace {

struct Part {
    const char *name;
    std::vector<std::string_view> usualNames; // the first is the dataset format's own
    bool required;
    int ChangeColumns::*column;
};

const std::array<Part, 7> kParts{{
    {"id", {"id", "change_id"}, false, &ChangeColumns::id},
    {"date", {"date", "day"}, true, &ChangeColumns::date},
    {"district", {"district_id", "district", "district_name", "place", "town"}, true, &ChangeColumns::district},
    {"state", {"state", "status", "control"}, false, &ChangeColumns::state},
    {"factions", {"factions", "holders", "holder", "controller", "controllers", "controlled_by", "held_by", "faction", "side"},
        true, &ChangeColumns::factions},
    {"confidence", {"confidence"}, false, &ChangeColumns::confidence},
    {"note", {"note", "notes", "comment", "comments"}, false, &ChangeColumns::note},
}};

//! "Controlled By" and "controlled-by" both as "controlled_by".
std::string columnKey(std::string_view name)
{
    std::string out(trimmed(name));
    for (char &c : out)
        c = c == ' ' || c == '-' ? '_' : char(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

} // namespace

ChangeColumns ChangeColumns::find(const CsvTable &t, const ColumnNames &named)
{
    std::map<std::string, int> byName;
    for (const auto &column : t.header())
        byName.emplace(columnKey(column), t.column(column)); // the first of two that fold alike wins
    ChangeColumns found;
    for (const auto &part : kParts) {
        int &column = found.*part.column;
        if (const auto it = named.find(part.name); it != named.end()) {
            column = t.column(it->second);
            if (column < 0)
                throw ImportError(
                    std::format("{}:1: no column \"{}\" (named by --{}-field)", t.path().string(), it->second, part.name));
            continue;
        }
        for (const auto usual : part.usualNames)
            if (const auto it = byName.find(std::string(usual)); it != byName.end() && column < 0)
                column = it->second;
        if (column < 0 && part.required) {
            std::string names;
            for (const auto usual : part.usualNames)
                names += std::format("{}\"{}\"", names.empty() ? "" : ", ", usual);
            throw ImportError(std::format("{}:1: missing column \"{}\" (also read as {}; or name it with --{}-field)",
                t.path().string(), part.usualNames.front(), names, part.name));
        }
    }
    return found;
}

} // namespace frontline::importing
