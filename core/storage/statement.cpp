// SPDX-License-Identifier: MIT
#include "storage/statement.h"

namespace frontline {

Statement::Statement(sqlite3 *db, std::string_view sql) : m_db(db)
{
    if (sqlite3_prepare_v2(db, sql.data(), int(sql.size()), &m_stmt, nullptr) != SQLITE_OK)
        throw SqlError(sqlite3_errmsg(db));
}

Statement::~Statement()
{
    sqlite3_finalize(m_stmt);
}

static void check(sqlite3 *db, int rc)
{
    if (rc != SQLITE_OK)
        throw SqlError(sqlite3_errmsg(db));
}

void Statement::bind(int i, std::string_view t)
{
    check(m_db, sqlite3_bind_text(m_stmt, i, t.data(), int(t.size()), SQLITE_TRANSIENT));
}
void Statement::bind(int i, double v)
{
    check(m_db, sqlite3_bind_double(m_stmt, i, v));
}
void Statement::bind(int i, std::int64_t v)
{
    check(m_db, sqlite3_bind_int64(m_stmt, i, v));
}
void Statement::bind(int i, std::span<const unsigned char> b)
{
    check(m_db, sqlite3_bind_blob(m_stmt, i, b.data(), int(b.size()), SQLITE_TRANSIENT));
}
void Statement::bind(int i, std::nullopt_t)
{
    check(m_db, sqlite3_bind_null(m_stmt, i));
}
void Statement::bindTextOrNull(int i, std::string_view t)
{
    if (t.empty())
        bind(i, std::nullopt);
    else
        bind(i, t);
}

bool Statement::step()
{
    const int rc = sqlite3_step(m_stmt);
    if (rc == SQLITE_ROW)
        return true;
    if (rc == SQLITE_DONE)
        return false;
    throw SqlError(sqlite3_errmsg(m_db));
}

void Statement::run()
{
    while (step()) { }
}

void Statement::reset()
{
    sqlite3_reset(m_stmt);
    sqlite3_clear_bindings(m_stmt);
}

std::string Statement::text(int c) const
{
    const auto *p = reinterpret_cast<const char *>(sqlite3_column_text(m_stmt, c));
    return p ? std::string(p, std::size_t(sqlite3_column_bytes(m_stmt, c))) : std::string();
}

double Statement::real(int c) const
{
    return sqlite3_column_double(m_stmt, c);
}
std::int64_t Statement::integer(int c) const
{
    return sqlite3_column_int64(m_stmt, c);
}
bool Statement::isNull(int c) const
{
    return sqlite3_column_type(m_stmt, c) == SQLITE_NULL;
}

std::vector<unsigned char> Statement::blob(int c) const
{
    const auto *p = static_cast<const unsigned char *>(sqlite3_column_blob(m_stmt, c));
    return p ? std::vector<unsigned char>(p, p + sqlite3_column_bytes(m_stmt, c)) : std::vector<unsigned char>();
}

} // namespace frontline
