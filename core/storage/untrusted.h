// SPDX-License-Identifier: MIT
#pragma once
// SQLite files from unknown hands (a .frontline someone sent, a downloaded MBTiles basemap), opened as SQLite's
// advice for untrusted files says: the schema compared with Frontline's own before anything is read through it,
// and connections that cannot be made to write, load code, allocate gigabytes or run without end.

#include <sqlite3.h>

#include <string>
#include <vector>

namespace frontline {

//! How the objects in `db`'s sqlite_schema (tables, indexes, views, triggers) differ from those that
//! Frontline's schema steps make for `version`, compared by type, name, table and SQL (whitespace aside): one
//! line per difference, such as "trigger zz on changes is not part of a Frontline database"; empty if none.
//! Throws SqlError if the schema cannot be read.
[[nodiscard]] std::vector<std::string> schemaDifferences(sqlite3 *db, int version);

//! Settings for every connection to a file from an unknown hand: defensive mode (no writes to the schema or
//! to shadow tables by SQL), untrusted schema (no functions or virtual tables with side effects from its
//! views and triggers), no extension loading, cell size checks, no memory-mapped I/O, and limits sized to a
//! Frontline dataset so that a crafted row or statement cannot allocate gigabytes or recurse deeply.
void makeDefensive(sqlite3 *db);

//! The largest string or blob a connection reads or writes: a district's geometry or an excerpt over it is refused.
inline constexpr int kMaxValueBytes = 64 << 20;

//! Interrupts any statement of `db` that runs more than about `budget` virtual machine steps (a view that
//! recurses without end); the statement then fails with SQLITE_INTERRUPT. `budget` must outlive the connection;
//! setting it again before each statement gives each the full allowance.
void limitWork(sqlite3 *db, long &budget);

} // namespace frontline
