// SPDX-License-Identifier: MIT
#include "query/districtresolver.h"

#include "text/matchkey.h"

#include <algorithm>
#include <format>

namespace frontline {

DistrictResolver::DistrictResolver(const Database &db)
{
    auto districts = db.prepare("SELECT id, num, name FROM districts");
    while (districts.step())
        m_byId[districts.text(0)] = {districts.integer(1), districts.text(2)};
    auto names = db.prepare("SELECT match_key, district_id FROM district_names ORDER BY district_id");
    while (names.step()) {
        auto &ids = m_idsByKey[names.text(0)];
        if (std::ranges::find(ids, names.text(1)) == ids.end())
            ids.push_back(names.text(1));
    }
}

Result<std::string> DistrictResolver::resolve(const std::string &text) const
{
    if (m_byId.contains(text))
        return text;
    auto it = m_idsByKey.find(matchKey(text));
    if (it == m_idsByKey.end())
        return fail(std::format("unknown district \"{}\" (neither an id nor a name of one)", text));
    if (it->second.size() > 1) {
        std::string candidates;
        for (const auto &id : it->second)
            candidates += std::format("{}{} ({})", candidates.empty() ? "" : ", ", id, m_byId.at(id).name);
        return fail(std::format("\"{}\" names {} districts: {}; use an id", text, it->second.size(), candidates));
    }
    return it->second.front();
}

} // namespace frontline
