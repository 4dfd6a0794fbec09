// SPDX-License-Identifier: MIT
#pragma once

#include "domain/date.h"
#include "error.h"
#include "storage/database.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace frontline {

enum class EditAction { Import, Record, Cite, Correct, Retract, Verify, Reject, Undo, Redo };
[[nodiscard]] std::string_view toString(EditAction);

//! One row of the append-only edit log (table `edits`): who did what to which change, and the change before and
//! after (as describeChange() words it; empty where it did not exist).
struct LogEntry {
    std::int64_t num = 0;
    std::string at; //!< UTC, YYYY-MM-DDTHH:MM:SSZ
    std::string author;
    EditAction action = EditAction::Record;
    std::string changeId;
    std::string district; //!< the change's district id
    std::string before;
    std::string after;
    std::string reason; //!< a retraction's or rejection's reason; for an import, the file it read
};

struct LogFilter {
    std::string district; //!< a district id; empty for all
    std::string author; //!< empty for all
    std::optional<Date> since; //!< entries made on or after this day (UTC)
};

namespace editlog {
//! Who signs an edit when nobody is named: $FRONTLINE_AUTHOR, else the login name.
[[nodiscard]] std::string defaultAuthor();
//! Appends `entry` (its num and time are set here) and returns its number. Throws SqlError.
std::int64_t append(const Database &db, const LogEntry &entry);
//! The entries that pass `filter`, oldest first.
[[nodiscard]] Result<std::vector<LogEntry>> read(const Database &db, const LogFilter &filter);
//! The change numbered `num` as the log keeps it: "day=… state=… factions=… confidence=… status=…" and its note;
//! empty if there is no such change. Throws SqlError.
[[nodiscard]] std::string describeChange(const Database &db, std::int64_t num);
} // namespace editlog

} // namespace frontline
