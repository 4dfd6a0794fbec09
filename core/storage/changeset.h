// SPDX-License-Identifier: MIT
#pragma once

#include "error.h"
#include "storage/database.h"

#include <memory>
#include <span>
#include <vector>

struct sqlite3_session;

namespace frontline {

//! What one edit did to some tables, as SQLite's session extension records it: every row inserted, updated or
//! deleted with its old and new values. Applying it again redoes the edit; applying its inverse undoes it.
class Changeset {
public:
    Changeset() = default;
    explicit Changeset(std::vector<unsigned char> bytes) : m_bytes(std::move(bytes)) { }

    [[nodiscard]] bool empty() const { return m_bytes.empty(); }
    [[nodiscard]] std::span<const unsigned char> bytes() const { return m_bytes; }
    //! The changeset that takes the tables back to where they were before this one.
    [[nodiscard]] Result<Changeset> inverted() const;
    //! Writes it into `db` inside the caller's transaction. Refused, with nothing written, when a row is not as
    //! the changeset expects (someone else changed it since): an edit never overwrites another silently.
    [[nodiscard]] Result<void> applyTo(const Database &db) const;

private:
    std::vector<unsigned char> m_bytes;
};

//! Records, while it lives, what is written to `tables` through `db`'s connection.
class ChangeCapture {
public:
    ChangeCapture(const Database &db, std::span<const char *const> tables);
    ~ChangeCapture();
    ChangeCapture(const ChangeCapture &) = delete;
    ChangeCapture &operator=(const ChangeCapture &) = delete;
    //! What was written so far. Throws SqlError.
    [[nodiscard]] Changeset changeset() const;

private:
    sqlite3_session *m_session = nullptr;
};

} // namespace frontline
