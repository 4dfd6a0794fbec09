// SPDX-License-Identifier: MIT
// Helpers shared by the importers (internal to import/).
#pragma once

#include "domain/records.h"
#include "error.h"
#include "import/csvtable.h"
#include "import/importsummary.h"
#include "record/editlog.h"
#include "storage/database.h"

#include <format>
#include <optional>
#include <stdexcept>

namespace frontline::importing {

//! Thrown inside an import with a message that already names file and line; caught at the public edge,
//! where the transaction rolls back.
struct ImportError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

[[nodiscard]] std::string_view trimmed(std::string_view s);
[[nodiscard]] std::string trim(std::string_view s);
//! Trimmed, with runs of spaces, tabs, line breaks and non-breaking spaces made one space.
[[nodiscard]] std::string folded(std::string_view s);
//! Trimmed and in lower case (ASCII): a word as spreadsheets write it ("Held", " contested ").
[[nodiscard]] std::string lowered(std::string_view s);
[[nodiscard]] CsvTable openTable(const std::filesystem::path &path, const std::vector<std::string> &required);
//! The trimmed value of a required column; an error if empty.
[[nodiscard]] std::string need(const CsvTable &t, const std::string &column);
//! A number in [-limit, limit].
[[nodiscard]] double coordinate(const CsvTable &t, const std::string &column, double limit);
//! SQLite's constraint message ("UNIQUE constraint failed: factions.id") as the user's fault and its remedy.
[[nodiscard]] std::string constraintInWords(std::string_view sqlite);
//! Runs a write, turning a constraint error into an error that names the row.
void insert(const CsvTable &t, Statement &statement);
//! Splits on `separator`, trimming, dropping empty parts.
[[nodiscard]] std::vector<std::string> splitList(std::string_view text, char separator);

template <typename T>
T parsed(const CsvTable &t, const std::string &column, std::optional<T> (*parse)(std::string_view), std::string_view expected)
{
    const std::string text = trim(t[column]);
    auto value = parse(text);
    if (!value)
        throw ImportError(std::format("{}: invalid {} \"{}\" (expected {})", t.where(), column, text, expected));
    return *value;
}

//! Checks that ids exist in a table, with one prepared lookup reused for every row.
class KnownIds {
public:
    KnownIds(const Database &db, const char *table, std::string_view what);
    //! Throws ImportError naming the row when `id` is not in the table.
    void require(const std::string &id, const CsvTable &t);

private:
    Statement m_lookup;
    std::string m_what;
};

//! The highest change number so far (0 if none).
[[nodiscard]] std::int64_t lastChange(const Database &db);
//! Whether a changes file of `bytes` is large against the `stored` changes: it then loads as a BulkLoad, and
//! without the change indexes, which are rebuilt at the end.
[[nodiscard]] bool loadsInBulk(std::uintmax_t bytes, std::int64_t stored);
[[nodiscard]] bool loadsInBulk(const Database &db, const std::filesystem::path &changesCsv);

//! How a bulk load writes, while it lives: in place (InPlaceWrites), and with references checked by the
//! importers, which look up each one to name it in their errors, rather than by SQLite too (ForeignKeysOff).
struct BulkLoad {
    explicit BulkLoad(const Database &db) : inPlace(db), foreignKeys(db) { }
    InPlaceWrites inPlace;
    ForeignKeysOff foreignKeys;
};
//! Records that the data run to at least `day` (metadata `end`): an archive observed up to then, even where
//! nothing changed after an earlier day.
void extendDataEnd(const Database &db, Date day);
//! Gives each change the control entry its evidence calls for: inferred when it rests only on evidence that
//! infers it (no support), reported otherwise. Returns the earliest day of a change it moved, if any.
std::optional<int> markInferredChanges(const Database &db);
//! Rebuilds the control snapshots from the earliest day of the changes added after `lastChange`, or from
//! `alsoFrom` if earlier.
void refreshControlIndex(const Database &db, std::int64_t lastChange, std::optional<int> alsoFrom = std::nullopt);

//! Wraps `body` in one transaction and turns errors into a Result; on error nothing is written.
template <typename F>
Result<ImportSummary> inTransaction(const Database &db, F &&body)
{
    try {
        Transaction transaction(db);
        ImportSummary summary;
        const std::int64_t before = lastChange(db);
        body(summary);
        refreshControlIndex(db, before, markInferredChanges(db));
        editlog::append(db, {.author = editlog::defaultAuthor(), .action = EditAction::Import, .reason = summary.toString()});
        transaction.commit();
        return summary;
    } catch (const ImportError &e) {
        return fail(e.what());
    } catch (const SqlError &e) {
        return fail(std::string("database error: ") + e.what());
    }
}

} // namespace frontline::importing
