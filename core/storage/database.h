// SPDX-License-Identifier: MIT
#pragma once

#include "error.h"
#include "storage/statement.h"

#include <filesystem>
#include <memory>
#include <vector>

namespace frontline {

//! An open Frontline database file (RAII over one SQLite connection).
//! Opening refuses files that are not Frontline databases, are corrupt, or come from a newer version;
//! it never alters such a file. Opening an older version for writing upgrades it in one transaction;
//! opening it read-only is refused with the command that upgrades it. Not thread-safe: one connection
//! per thread.
class Database {
public:
    enum class Mode { ReadOnly, ReadWrite, Create };
    static constexpr int kSchemaVersion = 7; //!< the number of steps in storage/schema/
    static constexpr int kApplicationId = 0x46524c4e; // "FRLN"
    //! How long a connection waits for another one's lock before it reports the database busy.
    static constexpr int kBusyTimeoutMs = 5000;
    //! Files up to this size get SQLite's quick_check on every open.
    static constexpr std::uintmax_t kIntegrityCheckLimit = 256u << 20;

    [[nodiscard]] static Result<Database> open(const std::filesystem::path &path, Mode mode);
    //! Everything wrong with a Frontline file, without trusting or changing it: schema objects that are not
    //! Frontline's own (or missing, or altered), SQLite's integrity check, broken references. Empty if sound.
    [[nodiscard]] static Result<std::vector<std::string>> inspect(const std::filesystem::path &path);
    //! A copy of the file as it is (its write-ahead log included), made by SQLite at `copy`.
    [[nodiscard]] static Result<void> backUp(const std::filesystem::path &path, const std::filesystem::path &copy);

    [[nodiscard]] sqlite3 *handle() const { return m_db.get(); }
    [[nodiscard]] const std::filesystem::path &path() const { return m_path; }
    void exec(const char *sql) const; //!< throws SqlError
    [[nodiscard]] Statement prepare(std::string_view sql) const { return Statement(handle(), sql); }

private:
    struct Closer {
        void operator()(sqlite3 *db) const { sqlite3_close_v2(db); }
    };
    //! Plays back the journal of a writer that died, with a connection of its own; false if it could not.
    static bool rollBackHotJournal(const std::filesystem::path &path);
    Database(std::unique_ptr<sqlite3, Closer> db, std::filesystem::path path) : m_db(std::move(db)), m_path(std::move(path)) { }
    Result<void> prepareSchema(Mode mode);
    void migrate(int from) const;
    //! SQLite's quick_check verdict, empty if the file is sound (or too large to check on open).
    [[nodiscard]] std::string integrityProblem() const;

    std::unique_ptr<sqlite3, Closer> m_db;
    std::filesystem::path m_path;
};

//! Commits on commit(); rolls back if destroyed before, so an error leaves the file as it was.
class Transaction {
public:
    explicit Transaction(const Database &db) : m_db(db) { m_db.exec("BEGIN IMMEDIATE"); }
    ~Transaction()
    {
        if (!m_done)
            sqlite3_exec(m_db.handle(), "ROLLBACK", nullptr, nullptr, nullptr);
    }
    Transaction(const Transaction &) = delete;
    Transaction &operator=(const Transaction &) = delete;
    void commit()
    {
        m_db.exec("COMMIT");
        m_done = true;
    }

private:
    const Database &m_db;
    bool m_done = false;
};

//! For a bulk load, while it lives, and only if no other connection has the file open: the database is written in
//! place with a rollback journal instead of through the write-ahead log, which a load larger than the page cache
//! writes twice (into the log, then into the file) and reads back through the log's index. The load's transaction
//! still covers it: on an error or a crash the journal puts every page back. Readers that open the file meanwhile
//! wait for the load to finish. The write-ahead log is back when it ends.
class InPlaceWrites {
public:
    explicit InPlaceWrites(const Database &db);
    ~InPlaceWrites();
    InPlaceWrites(const InPlaceWrites &) = delete;
    InPlaceWrites &operator=(const InPlaceWrites &) = delete;
    //! False when another connection had the file open: then the load goes through the log as usual.
    [[nodiscard]] bool active() const { return m_active; }

private:
    const Database &m_db;
    bool m_active = false;
};

//! For a bulk load whose code looks up every reference before it writes a row (the district, control, change or
//! excerpt it names): while it lives, SQLite does not check foreign keys again row by row, which costs two B-tree
//! lookups per change. Made outside a transaction, as SQLite ignores the switch inside one; on again at the end.
class ForeignKeysOff {
public:
    explicit ForeignKeysOff(const Database &db);
    ~ForeignKeysOff();
    ForeignKeysOff(const ForeignKeysOff &) = delete;
    ForeignKeysOff &operator=(const ForeignKeysOff &) = delete;

private:
    const Database &m_db;
};

} // namespace frontline
