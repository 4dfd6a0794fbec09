// SPDX-License-Identifier: MIT
#pragma once

#include "database.h"
#include "error.h"

#include <string>
#include <unordered_map>
#include <vector>

namespace frontline {

//! Finds a district by its id or by any of its names, matched by matchKey() (no case, diacritics or
//! apostrophe style). Loads ids and names once; build it after the districts it must know are stored.
class DistrictResolver {
public:
    explicit DistrictResolver(const Database &db);

    //! The district's id; an error names the candidates when `text` is ambiguous, or says it is unknown.
    [[nodiscard]] Result<std::string> resolve(const std::string &text) const;
    //! The number of the district with id `id` (as resolve() returns it).
    [[nodiscard]] std::int64_t number(const std::string &id) const { return m_byId.at(id).number; }

private:
    struct Known {
        std::int64_t number;
        std::string name;
    };
    std::unordered_map<std::string, Known> m_byId;
    std::unordered_map<std::string, std::vector<std::string>> m_idsByKey;
};

} // namespace frontline
