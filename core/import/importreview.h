// SPDX-License-Identifier: MIT
#pragma once

#include "storage/database.h"

#include <optional>
#include <string_view>

namespace frontline {

//! What an import vouches for. By default what it brings is verified: whoever imports it vouches for it. As
//! drafts, every change and piece of evidence it writes waits for a colleague's review, signed by the import's
//! entry in the edit log (so its importer cannot verify it).
enum class ImportReview { Verified, Draft };
//! "verified" or "draft"; nullopt for anything else.
[[nodiscard]] std::optional<ImportReview> parseImportReview(std::string_view text);

//! From now on, imports on this connection write drafts (temporary triggers of the connection: the file's schema
//! is not touched, and other connections import as usual).
[[nodiscard]] Result<void> importAsDrafts(const Database &db);

} // namespace frontline
