// SPDX-License-Identifier: MIT
// The session extension's declarations are compiled in only with these (Debian's SQLite is built with both).
#define SQLITE_ENABLE_SESSION 1
#define SQLITE_ENABLE_PREUPDATE_HOOK 1
#include "storage/changeset.h"

#include <sqlite3.h>

#include <format>
#include <string>

namespace frontline {

namespace {
std::vector<unsigned char> owned(void *data, int size)
{
    std::vector<unsigned char> out(static_cast<unsigned char *>(data), static_cast<unsigned char *>(data) + size);
    sqlite3_free(data);
    return out;
}

//! What stopped an apply: the first row that was not as the changeset expects.
struct Conflict {
    int kind = 0;
    std::string table;
};

//! Any row that is not as the changeset expects stops the whole apply (and the caller's transaction rolls back).
int refuseConflicts(void *context, int kind, sqlite3_changeset_iter *row)
{
    auto &conflict = *static_cast<Conflict *>(context);
    conflict.kind = kind;
    const char *table = nullptr;
    int columns = 0, op = 0, indirect = 0;
    if (kind != SQLITE_CHANGESET_FOREIGN_KEY && sqlite3changeset_op(row, &table, &columns, &op, &indirect) == SQLITE_OK)
        conflict.table = table;
    return SQLITE_CHANGESET_ABORT;
}
} // namespace

Result<Changeset> Changeset::inverted() const
{
    int size = 0;
    void *data = nullptr;
    if (const int rc = sqlite3changeset_invert(int(m_bytes.size()), m_bytes.data(), &size, &data); rc != SQLITE_OK)
        return fail(std::format("cannot invert an edit: {}", sqlite3_errstr(rc)));
    return Changeset(owned(data, size));
}

Result<void> Changeset::applyTo(const Database &db) const
{
    Conflict conflict;
    const int rc = sqlite3changeset_apply(
        db.handle(), int(m_bytes.size()), const_cast<unsigned char *>(m_bytes.data()), nullptr, refuseConflicts, &conflict);
    if (conflict.kind != 0)
        return fail(std::format("the record changed since this edit ({}): it is left as it is",
            conflict.kind == SQLITE_CHANGESET_FOREIGN_KEY
                ? std::string("other rows now refer to what it wrote")
                : std::format("a row of {} is no longer as the edit left it", conflict.table)));
    if (rc != SQLITE_OK)
        return fail(std::format("cannot apply an edit: {}", sqlite3_errmsg(db.handle())));
    return {};
}

ChangeCapture::ChangeCapture(const Database &db, std::span<const char *const> tables)
{
    if (sqlite3session_create(db.handle(), "main", &m_session) != SQLITE_OK)
        throw SqlError("cannot record an edit: the session extension is unavailable");
    for (const char *table : tables)
        if (sqlite3session_attach(m_session, table) != SQLITE_OK) {
            sqlite3session_delete(m_session);
            throw SqlError(std::format("cannot record edits of table {}", table));
        }
}

ChangeCapture::~ChangeCapture()
{
    sqlite3session_delete(m_session);
}

Changeset ChangeCapture::changeset() const
{
    int size = 0;
    void *data = nullptr;
    if (const int rc = sqlite3session_changeset(m_session, &size, &data); rc != SQLITE_OK)
        throw SqlError(std::format("cannot read an edit back: {}", sqlite3_errstr(rc)));
    return Changeset(owned(data, size));
}

} // namespace frontline
