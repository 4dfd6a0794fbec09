// SPDX-License-Identifier: MIT
#pragma once

#include "database.h"
#include "types.h"

#include <cstdint>
#include <map>

namespace frontline {

//! Writes control changes and their evidence into the compact tables, finding or adding each change's
//! entry in `controls` (remembered, so a long import asks the database once per distinct control).
class ChangeWriter {
public:
    explicit ChangeWriter(const Database &db);

    //! The number of the control entry for these holders; adds it if new. Throws SqlError.
    std::int64_t control(ControlState state, Confidence confidence, const std::vector<std::string> &factions);
    //! Adds a change (an empty `id` stores none) and returns its number. Throws SqlError.
    std::int64_t write(std::string_view id, Date day, std::int64_t district, std::int64_t control, std::string_view note);
    void addEvidence(std::int64_t change, std::string_view excerptId, Stance stance);

private:
    Statement m_findControl, m_addControl, m_change, m_evidence;
    std::map<std::string, std::int64_t> m_controls;
};

} // namespace frontline
