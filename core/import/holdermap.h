// SPDX-License-Identifier: MIT
// What the holder values of a table of places mean (internal to import/): the user's holder map.
#pragma once

#include "domain/records.h"
#include "storage/database.h"

#include <compare>
#include <filesystem>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace frontline::importing {

//! What a holder value means: a control, or nothing (`unknown`).
struct Holding {
    ControlState state = ControlState::Held;
    std::vector<std::string> factions;
    auto operator<=>(const Holding &) const = default;
};

//! The user's table of holder values (`value,state,factions`), compared after folding spaces.
class HolderMap {
public:
    //! Reads the map at `path`; its factions must be in `db`.
    HolderMap(const Database &db, const std::filesystem::path &path);

    //! The holding's index, or -1 for unknown; an error naming `where` for a value the map lacks.
    [[nodiscard]] int lookup(std::string_view raw, const std::string &where) const;
    //! The index of `h`, added if new.
    int index(const Holding &h);
    [[nodiscard]] const Holding &holding(int i) const { return m_holdings[std::size_t(i)]; }

private:
    std::map<std::string, int> m_values;
    std::vector<Holding> m_holdings;
};

} // namespace frontline::importing
