// SPDX-License-Identifier: MIT
#pragma once

#include "error.h"
#include "storage/database.h"

#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace frontline {

//! Finds a district by its id or by any of its names, matched by matchKey() (no case, diacritics or
//! apostrophe style; a name without its apostrophes matches too); an unknown one is told the nearest names. Loads ids and names
//! once; build it after the districts it must know are stored.
class DistrictResolver {
public:
    explicit DistrictResolver(const Database &db);

    //! The district's id; an error names the candidates when `text` is ambiguous, or says it is unknown.
    [[nodiscard]] Result<std::string> resolve(const std::string &text) const;
    //! The number of the district with id `id` (as resolve() returns it).
    [[nodiscard]] std::int64_t number(const std::string &id) const { return m_byId.find(id)->second.number; }
    //! The number of the district whose id is exactly `text`, without resolving names: the fast path of imports.
    [[nodiscard]] std::optional<std::int64_t> numberOfId(std::string_view text) const
    {
        const auto it = m_byId.find(text);
        return it == m_byId.end() ? std::nullopt : std::optional(it->second.number);
    }

private:
    //! Up to three known names close to `text` (edit distance on match keys), quoted, or empty.
    [[nodiscard]] std::string nearestNames(const std::string &text) const;

    struct Known {
        std::int64_t number = 0;
        std::string name;
    };
    struct Hash : std::hash<std::string_view> {
        using is_transparent = void;
    };
    std::unordered_map<std::string, Known, Hash, std::equal_to<>> m_byId;
    std::unordered_map<std::string, std::vector<std::string>> m_idsByKey;
    std::unordered_map<std::string, std::vector<std::string>> m_idsByLooseKey; //!< keys without apostrophes
};

} // namespace frontline
