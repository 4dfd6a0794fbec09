// SPDX-License-Identifier: MIT
#include "query/districtresolver.h"

#include "text/matchkey.h"

#include <algorithm>
#include <format>
#include <numeric>
#include <utility>

namespace frontline {

namespace {
std::string withoutApostrophes(std::string key)
{
    std::erase(key, '\'');
    return key;
}

//! Edits (insert, delete, replace a byte) from `a` to `b`.
std::size_t editDistance(std::string_view a, std::string_view b)
{
    std::vector<std::size_t> row(b.size() + 1);
    std::iota(row.begin(), row.end(), std::size_t(0));
    for (std::size_t i = 1; i <= a.size(); ++i) {
        std::size_t diagonal = row[0];
        row[0] = i;
        for (std::size_t j = 1; j <= b.size(); ++j)
            diagonal = std::exchange(row[j], std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)}));
    }
    return row[b.size()];
}
} // namespace

DistrictResolver::DistrictResolver(const Database &db)
{
    auto districts = db.prepare("SELECT id, num, name FROM districts");
    while (districts.step())
        m_byId[districts.text(0)] = {districts.integer(1), districts.text(2)};
    auto names = db.prepare("SELECT match_key, district_id FROM district_names ORDER BY district_id");
    while (names.step()) {
        for (auto *byKey : {&m_idsByKey, &m_idsByLooseKey}) {
            auto &ids = (*byKey)[byKey == &m_idsByKey ? names.text(0) : withoutApostrophes(names.text(0))];
            if (std::ranges::find(ids, names.text(1)) == ids.end())
                ids.push_back(names.text(1));
        }
    }
}

Result<std::string> DistrictResolver::resolve(const std::string &text) const
{
    if (m_byId.contains(text))
        return text;
    const std::vector<std::string> *ids = nullptr;
    if (auto it = m_idsByKey.find(matchKey(text)); it != m_idsByKey.end())
        ids = &it->second;
    else if (auto loose = m_idsByLooseKey.find(withoutApostrophes(matchKey(text))); loose != m_idsByLooseKey.end())
        ids = &loose->second; // "Sheikh Saeed" for "Sheikh Sa’eed"
    if (!ids) {
        const std::string near = nearestNames(text);
        return fail(std::format(
            "unknown district \"{}\" (neither an id nor a name of one){}", text, near.empty() ? "" : "; nearest names: " + near));
    }
    if (ids->size() > 1) {
        std::string candidates;
        for (const auto &id : *ids)
            candidates += std::format("{}{} ({})", candidates.empty() ? "" : ", ", id, m_byId.at(id).name);
        return fail(std::format("\"{}\" names {} districts: {}; use an id", text, ids->size(), candidates));
    }
    return ids->front();
}

std::string DistrictResolver::nearestNames(const std::string &text) const
{
    // The three closest known names, within a third of the text's length, each once.
    const std::string key = withoutApostrophes(matchKey(text));
    const std::size_t reach = std::max<std::size_t>(2, key.size() / 3);
    std::vector<std::pair<std::size_t, std::string>> near;
    for (const auto &[known, ids] : m_idsByLooseKey)
        if (const std::size_t d = editDistance(key, known); d <= reach)
            for (const auto &id : ids)
                near.emplace_back(d, m_byId.at(id).name);
    std::ranges::sort(near);
    std::string out;
    std::vector<std::string> named;
    for (const auto &[distance, name] : near)
        if (named.size() < 3 && std::ranges::find(named, name) == named.end()) {
            out += std::format("{}\"{}\"", out.empty() ? "" : ", ", name);
            named.push_back(name);
        }
    return out;
}

} // namespace frontline
