// SPDX-License-Identifier: MIT
#pragma once

#include "domain/records.h"
#include "storage/database.h"

#include <cstdint>
#include <future>
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
    //! Thrown when a change's id is already stored.
    struct RepeatedId : SqlError {
        RepeatedId(const std::string &what, std::string id) : SqlError(what), id(std::move(id)) { }
        std::string id;
    };

    //! Where held-back changes are stored: by the caller's thread, or by one of the writer's own while the
    //! caller goes on reading (the caller must then use the database only through this writer).
    enum class Storing { InCaller, Alongside };

    //! `source` names the rows' file in error messages ("" for none).
    explicit ChangeWriter(const Database &db, std::string source = {}, Storing storing = Storing::InCaller);
    ~ChangeWriter();
    ChangeWriter(const ChangeWriter &) = delete;
    ChangeWriter &operator=(const ChangeWriter &) = delete;

    //! The number of the control entry for these holders, asked for on `line`; adds it if new. Throws SqlError.
    std::int64_t control(ControlState state, Confidence confidence, const std::vector<std::string> &factions, long line = 0);
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

    struct Batch {
        std::vector<Pending> changes;
        std::vector<PendingEvidence> evidence;
        Ref first = 0; //!< the Ref of changes[0]
    };
    void store(const Batch &b);
    [[nodiscard]] SqlError located(const SqlError &e, long line) const;
    //! Starts storing what is held back; waits for the batch before it first.
    void handOff();
    //! Waits for a batch being stored alongside; throws its error.
    void waitForStore();

    Statement m_findControl, m_addControl, m_change, m_evidence;
    std::string m_source;
    Storing m_storing;
    std::map<std::string, std::int64_t> m_controls;
    Batch m_pending, m_inFlight;
    std::future<void> m_store;
};

} // namespace frontline
