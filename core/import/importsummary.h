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
    std::map<std::string, int> repaired; //!< e.g. {"invalid polygons", 2}
    std::map<std::string, int> skipped; //!< e.g. {"Point features", 57}: read but not imported
    std::vector<std::string> remarks;

    [[nodiscard]] int count(const std::string &kind) const
    {
        auto it = added.find(kind);
        return it == added.end() ? 0 : it->second;
    }
    //! One line: "added 3 factions, 133 districts; replaced 2 districts; repaired 1 invalid polygons; skipped ...".
    [[nodiscard]] std::string toString() const;
};

} // namespace frontline
