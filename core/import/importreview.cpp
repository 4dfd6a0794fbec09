// SPDX-License-Identifier: MIT
#include "import/importreview.h"

namespace frontline {

std::optional<ImportReview> parseImportReview(std::string_view text)
{
    if (text == "verified")
        return ImportReview::Verified;
    if (text == "draft")
        return ImportReview::Draft;
    return std::nullopt;
}

Result<void> importAsDrafts(const Database &db)
{
    return guarded([&]() -> Result<void> {
        // Each row is a draft as it is written; the import's log entry, appended last in its transaction, signs
        // the drafts nobody has signed yet (a recorded draft is signed by its own entry). A trigger's writes name
        // their table unqualified (SQLite's rule); on this connection that is the file's own.
        db.exec("CREATE TEMP TRIGGER imported_changes_are_drafts AFTER INSERT ON main.changes BEGIN"
                "  UPDATE changes SET status = 0 WHERE num = new.num;"
                "END;"
                "CREATE TEMP TRIGGER imported_evidence_is_draft AFTER INSERT ON main.evidence BEGIN"
                "  UPDATE evidence SET status = 0 WHERE change = new.change AND excerpt_id = new.excerpt_id;"
                "END;"
                "CREATE TEMP TRIGGER imported_drafts_are_signed AFTER INSERT ON main.edits WHEN new.action = 'import' BEGIN"
                "  UPDATE changes SET recorded = new.num WHERE status = 0 AND recorded IS NULL;"
                "  UPDATE evidence SET recorded = new.num WHERE status = 0 AND recorded IS NULL;"
                "END;");
        return {};
    });
}

} // namespace frontline
