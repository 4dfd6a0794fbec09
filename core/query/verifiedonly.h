// SPDX-License-Identifier: MIT
#pragma once

#include "storage/database.h"

//! The record as it would be published: what has been verified, without the drafts. Shown on one connection,
//! every query made on it sees draft changes and draft evidence as if they were not there (temporary views
//! named as the tables hide them, so no query needs to know), and the control snapshots are its own copy,
//! patched for the districts that have drafts. The file is not written.
namespace frontline::verifiedonly {

//! Shows `db` the verified record from now on; its snapshots are copied and patched (a query per district with a
//! draft and per snapshot since its first draft).
[[nodiscard]] Result<void> show(const Database &db);
//! Hides the drafts from a second connection to the same file that reads changes and evidence only (a cursor's
//! background reader): the snapshots stay the file's.
[[nodiscard]] Result<void> hideDrafts(const Database &db);
//! Whether show() or hideDrafts() was called on `db`.
[[nodiscard]] bool shown(const Database &db);

} // namespace frontline::verifiedonly
