// SPDX-License-Identifier: MIT
#pragma once

#include "database.h"
#include "types.h"

#include <cstdint>
#include <map>

namespace frontline {

//! Writes control changes and their evidence into the compact tables, finding or adding each change's
//! entry in `controls` (remembered, so a long import asks the database once per distinct control).
//!
//! Changes are held back a few thousand at a time and stored in order of day and district (a district's
//! changes on one day keep the order they were written in): SQLite builds the change indexes several times
//! faster from rows in that order than from rows in a file's order.
class ChangeWriter {
public:
    //! A change written; valid for addEvidence() until the next write().
    using Ref = std::size_t;

    //! `source` names the rows' file in error messages ("" for none).
    explicit ChangeWriter(const Database &db, std::string source = {});

    //! The number of the control entry for these holders; adds it if new. Throws SqlError.
    std::int64_t control(ControlState state, Confidence confidence, const std::vector<std::string> &factions);
    //! Adds a change (an empty `id` stores none), read from `line` of the source. Throws SqlError naming the
    //! line of any change stored now that the database refuses.
    Ref write(std::string_view id, Date day, std::int64_t district, std::int64_t control, std::string_view note, long line = 0);
    void addEvidence(Ref change, std::string_view excerptId, Stance stance);
    //! Stores every change held back. Call it before reading changes back; throws SqlError as write() does.
    void flush();

private:
    struct Pending {
        int day;
        std::int64_t district, control;
        long line;
        std::string id, note;
    };
    struct PendingEvidence {
        Ref change;
        std::string excerptId;
        Stance stance;
    };

    Statement m_findControl, m_addControl, m_change, m_evidence;
    std::string m_source;
    std::map<std::string, std::int64_t> m_controls;
    std::vector<Pending> m_pending;
    std::vector<PendingEvidence> m_pendingEvidence;
    Ref m_firstPending = 0; //!< the Ref of m_pending[0]
};

} // namespace frontline
