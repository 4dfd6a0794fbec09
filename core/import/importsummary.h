// SPDX-License-Identifier: MIT
#pragma once

#include <map>
#include <string>
#include <vector>

namespace frontline {

//! What an import did, for the summary shown to the user: counts per kind of record, and remarks
//! (repairs, generated keys, skipped rows) each saying what happened and why.
struct ImportSummary {
    std::map<std::string, int> added; //!< e.g. {"districts", 133}
    std::map<std::string, int> changed; //!< existing records replaced
    std::vector<std::string> remarks;

    [[nodiscard]] int count(const std::string &kind) const
    {
        auto it = added.find(kind);
        return it == added.end() ? 0 : it->second;
    }
    //! One line: "added 3 factions, 133 districts; replaced 2 districts".
    [[nodiscard]] std::string toString() const;
};

} // namespace frontline
