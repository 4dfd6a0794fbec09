// SPDX-License-Identifier: MIT
#pragma once

#include "error.h"
#include "import/changecolumns.h"
#include "import/importsummary.h"
#include "storage/database.h"

#include <filesystem>
#include <optional>
#include <string_view>

namespace frontline {

//! The CSV tables of a dataset folder (columns in docs/data-format.md).
enum class Table {
    Factions,
    Districts,
    Sources,
    Excerpts,
    Changes,
    Evidence,
    Incidents,
    IncidentEvidence,
    ClaimAreas,
    ShareClaims
};

[[nodiscard]] std::optional<Table> parseTable(std::string_view name);

//! Imports one CSV table in one transaction: on any error the database is left exactly as it was, and
//! the error names the file and line. Districts may be named by id or by any of their names. A changes table's
//! columns may have a spreadsheet's names, or the ones in `columns` (see ChangeColumns); without an id column,
//! each change's id is "DISTRICT_ID@YYYY-MM-DD".
[[nodiscard]] Result<ImportSummary> importTable(
    const Database &db, Table table, const std::filesystem::path &csv, const ColumnNames &columns = {});

namespace importing {
//! The same inside the caller's transaction; throws ImportError or SqlError.
void importTableIn(
    const Database &db, Table table, const std::filesystem::path &csv, ImportSummary &summary, const ColumnNames &columns = {});
//! Whether `changesCsv` loads as a BulkLoad; refused first if its header does not fit, because a bulk load writes
//! the file as it begins (its journal mode switches) and a refusal must leave the file as it was.
[[nodiscard]] Result<bool> loadsInBulkChecked(
    const Database &db, const std::filesystem::path &changesCsv, const ColumnNames &columns = {});
} // namespace importing

} // namespace frontline
