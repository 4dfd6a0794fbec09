// SPDX-License-Identifier: MIT
#pragma once

#include "error.h"

#include <sqlite3.h>

#include <cstdint>
#include <optional>
#include <span>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace frontline {

//! Thrown inside storage code only; public functions turn it into an Error.
struct SqlError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

//! Runs `body`, turning a SqlError into an Error: how a public function keeps SqlError inside the core.
inline constexpr std::string_view kDatabaseError = "database error: ";
template <typename F>
auto guarded(F &&body) -> decltype(body())
{
    try {
        return body();
    } catch (const SqlError &e) {
        return fail(std::string(kDatabaseError) + e.what());
    }
}

//! The other way, inside code that already handles SqlError (an import's transaction): the value, or the error thrown.
inline void orThrow(const Result<void> &result)
{
    if (!result) { // guarded() said "database error"; whoever catches says it again
        const std::string_view message = result.error().message;
        throw SqlError(std::string(message.starts_with(kDatabaseError) ? message.substr(kDatabaseError.size()) : message));
    }
}
template <typename T>
T orThrow(Result<T> result)
{
    if (!result)
        orThrow(Result<void>(std::unexpected(result.error())));
    return *std::move(result);
}

//! A prepared statement (RAII). Not thread-safe; lives no longer than its connection.
class Statement {
public:
    Statement(sqlite3 *db, std::string_view sql);
    ~Statement();
    Statement(const Statement &) = delete;
    Statement &operator=(const Statement &) = delete;

    //! Binds parameters 1..n in order and resets the statement for a new run.
    template <typename... Args>
    Statement &bindAll(const Args &...args)
    {
        reset();
        int index = 0;
        (bind(++index, args), ...);
        return *this;
    }
    void bind(int index, std::string_view text);
    void bind(int index, const std::string &text) { bind(index, std::string_view(text)); }
    void bind(int index, const char *text) { bind(index, std::string_view(text)); }
    void bind(int index, double value);
    void bind(int index, std::int64_t value);
    void bind(int index, int value) { bind(index, std::int64_t(value)); }
    void bind(int index, std::span<const unsigned char> blob);
    void bind(int index, std::nullopt_t);
    //! Text, or NULL where empty.
    void bindTextOrNull(int index, std::string_view text);
    //! The rowid of the latest row this connection inserted.
    [[nodiscard]] std::int64_t lastInsertRowid() const { return sqlite3_last_insert_rowid(m_db); }

    //! Steps once; true while a row is available.
    bool step();
    //! Runs to completion (for writes).
    void run();
    void reset();

    [[nodiscard]] std::string text(int column) const;
    [[nodiscard]] double real(int column) const;
    [[nodiscard]] std::int64_t integer(int column) const;
    [[nodiscard]] std::vector<unsigned char> blob(int column) const;
    [[nodiscard]] bool isNull(int column) const;

private:
    sqlite3 *m_db;
    sqlite3_stmt *m_stmt = nullptr;
};

} // namespace frontline
