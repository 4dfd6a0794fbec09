// SPDX-License-Identifier: MIT
#include "storage/database.h"

#include "schema_sql.h"
#include "storage/untrusted.h"
#include "text/matchkey.h"
#include "text/naturalorder.h"

#include <format>
#include <stdexcept>

#include <unistd.h>

namespace frontline {

static_assert(kSchemaSteps.size() == Database::kSchemaVersion, "one schema step per version");

namespace {
int pragmaInt(sqlite3 *db, const char *pragma)
{
    Statement s(db, std::string("PRAGMA ") + pragma);
    return s.step() ? int(s.integer(0)) : 0;
}

//! Sets the journal mode without waiting for other connections (SQLite changes it only when no other has the
//! file open); returns the mode in force afterwards.
std::string switchJournal(sqlite3 *db, const char *mode)
{
    sqlite3_busy_timeout(db, 0);
    std::string now;
    try {
        Statement s(db, std::string("PRAGMA journal_mode = ") + mode);
        now = s.step() ? s.text(0) : std::string();
    } catch (const SqlError &) {
        now = "busy"; // someone else has it open: the mode stays
    }
    sqlite3_busy_timeout(db, Database::kBusyTimeoutMs);
    return now;
}
} // namespace

void Database::exec(const char *sql) const
{
    char *message = nullptr;
    if (sqlite3_exec(handle(), sql, nullptr, nullptr, &message) != SQLITE_OK) {
        std::string text = message ? message : sqlite3_errmsg(handle());
        sqlite3_free(message);
        throw SqlError(text);
    }
}

Result<Database> Database::open(const std::filesystem::path &path, Mode mode)
{
    std::error_code ec;
    const bool exists = std::filesystem::exists(path, ec);
    if (mode != Mode::Create && !exists)
        return fail(std::format("{}: no such database", path.string()));
    const auto folder = path.has_parent_path() ? path.parent_path() : std::filesystem::path(".");
    const bool folderWritable = ::access(folder.c_str(), W_OK) == 0;
    if (mode == Mode::Create && !std::filesystem::is_directory(folder, ec))
        return fail(std::format("{}: the folder {} does not exist", path.string(), folder.string()));
    if (mode != Mode::ReadOnly) {
        if (exists && ::access(path.c_str(), W_OK) != 0)
            return fail(std::format("{}: the file is read-only; it can be opened for viewing, not changed", path.string()));
        if (!folderWritable)
            return fail(std::format("{}: its folder is not writable (SQLite keeps a journal beside the file); "
                                    "copy the file to a writable folder to change it",
                path.string()));
    }
    // In a read-only folder SQLite cannot create the WAL index beside the file; nobody can write there
    // either, so the file is opened as immutable.
    const bool immutable = mode == Mode::ReadOnly && !folderWritable;
    const std::string name = immutable ? "file:" + path.string() + "?immutable=1" : path.string();
    const int flags = (mode == Mode::ReadOnly ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE)
        | (mode == Mode::Create ? SQLITE_OPEN_CREATE : 0) | SQLITE_OPEN_NOMUTEX | (immutable ? SQLITE_OPEN_URI : 0);
    sqlite3 *raw = nullptr;
    const int rc = sqlite3_open_v2(name.c_str(), &raw, flags, nullptr);
    std::unique_ptr<sqlite3, Closer> handle(raw);
    if (rc != SQLITE_OK)
        return fail(std::format("{}: cannot open: {}", path.string(), raw ? sqlite3_errmsg(raw) : sqlite3_errstr(rc)));
    makeDefensive(raw);
    registerNaturalCollation(raw);
    Database db(std::move(handle), path);
    if (auto ok = db.prepareSchema(mode); !ok) {
        // A writer killed mid-import leaves a hot journal, which only a writable connection can play back; SQLite
        // does that on its first read, and the file is then exactly as it was before the import.
        if (mode == Mode::ReadOnly && folderWritable && sqlite3_extended_errcode(raw) == SQLITE_READONLY_ROLLBACK) {
            db.m_db.reset(); // closed first: its failed read may still hold a lock
            std::error_code ec;
            if (rollBackHotJournal(path) && !std::filesystem::exists(path.string() + "-journal", ec))
                return open(path, mode);
        }
        return fail(std::format("{}: {}", path.string(), ok.error().message));
    }
    return db;
}

Result<std::vector<std::string>> Database::inspect(const std::filesystem::path &path)
{
    sqlite3 *raw = nullptr;
    const int rc = sqlite3_open_v2(path.c_str(), &raw, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX, nullptr);
    const std::unique_ptr<sqlite3, Closer> handle(raw);
    if (rc != SQLITE_OK)
        return fail(std::format("{}: cannot open: {}", path.string(), raw ? sqlite3_errmsg(raw) : sqlite3_errstr(rc)));
    makeDefensive(raw);
    try {
        if (pragmaInt(raw, "application_id") != kApplicationId)
            return fail(std::format("{}: not a Frontline database", path.string()));
        const int version = pragmaInt(raw, "user_version");
        if (version > kSchemaVersion)
            return fail(std::format("{}: written by a newer Frontline (schema {})", path.string(), version));
        std::vector<std::string> problems = schemaDifferences(raw, version);
        for (Statement s(raw, "PRAGMA integrity_check"); s.step();)
            if (s.text(0) != "ok")
                problems.push_back(s.text(0));
        for (Statement s(raw, "PRAGMA foreign_key_check"); s.step();)
            problems.push_back(std::format("{} row {} refers to a missing row of {}", s.text(0), s.text(1), s.text(2)));
        return problems;
    } catch (const SqlError &e) {
        return fail(std::format("{}: damaged, or not a Frontline database (SQLite: {})", path.string(), e.what()));
    }
}

Result<void> Database::backUp(const std::filesystem::path &path, const std::filesystem::path &copy)
{
    sqlite3 *raw = nullptr;
    const int rc = sqlite3_open_v2(path.c_str(), &raw, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX, nullptr);
    const std::unique_ptr<sqlite3, Closer> handle(raw);
    try {
        if (rc != SQLITE_OK)
            throw SqlError(raw ? sqlite3_errmsg(raw) : sqlite3_errstr(rc));
        makeDefensive(raw);
        Statement(raw, "VACUUM INTO ?").bindAll(copy.string()).run();
        return {};
    } catch (const SqlError &e) {
        return fail(std::format("{}: cannot back it up to {}: {}", path.string(), copy.string(), e.what()));
    }
}

bool Database::rollBackHotJournal(const std::filesystem::path &path)
{
    sqlite3 *raw = nullptr;
    const bool opened = sqlite3_open_v2(path.c_str(), &raw, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, nullptr) == SQLITE_OK;
    const bool read = opened && sqlite3_exec(raw, "SELECT count(*) FROM sqlite_schema", nullptr, nullptr, nullptr) == SQLITE_OK;
    sqlite3_close(raw);
    return read;
}

std::string Database::integrityProblem() const
{
    std::error_code ec;
    if (std::filesystem::file_size(m_path, ec) > kIntegrityCheckLimit)
        return {}; // checking a large file on every open would cost seconds; `frontline check` does it on demand
    try {
        auto check = prepare("PRAGMA quick_check(1)");
        return check.step() && check.text(0) != "ok" ? check.text(0) : std::string();
    } catch (const SqlError &e) {
        return e.what();
    }
}

void Database::migrate(int from) const
{
    for (int step = from; step < kSchemaVersion; ++step)
        exec(kSchemaSteps[std::size_t(step)]);
    // Match keys need ICU, which SQL steps cannot call: fill those the steps left empty.
    auto empty = prepare("SELECT rowid, name FROM district_names WHERE match_key = ''");
    auto fill = prepare("UPDATE district_names SET match_key = ? WHERE rowid = ?");
    while (empty.step())
        fill.bindAll(matchKey(empty.text(1)), empty.integer(0)).run();
    exec(std::format("PRAGMA application_id = {}; PRAGMA user_version = {}", kApplicationId, kSchemaVersion).c_str());
}

Result<void> Database::prepareSchema(Mode mode)
{
    try {
        sqlite3_busy_timeout(handle(), kBusyTimeoutMs);
        const int appId = pragmaInt(handle(), "application_id");
        const int version = pragmaInt(handle(), "user_version");
        const int tables = pragmaInt(handle(), "schema_version"); // 0 only for an empty file
        if (appId != kApplicationId && (appId != 0 || tables != 0))
            return fail("not a Frontline database (it belongs to another application); refusing to touch it");
        if (version > kSchemaVersion)
            return fail(std::format("written by a newer Frontline (schema {}, this build reads up to {}); "
                                    "refusing to open it",
                version, kSchemaVersion));
        if (appId != 0) // nothing is read through the schema, or written, before it is known to be ours
            if (auto differences = schemaDifferences(handle(), version); !differences.empty())
                return fail(std::format("{}; its schema is not Frontline's, so it is not opened (it may have been "
                                        "tampered with): 'frontline check' lists every difference",
                    differences.front()));
        if (auto damage = integrityProblem(); !damage.empty())
            return fail("the file is damaged (" + damage + "); Frontline does not repair databases: restore a copy");
        if (appId == 0 && mode == Mode::ReadOnly)
            return fail("empty file, not a Frontline database");
        if (appId != 0 && version < kSchemaVersion && mode == Mode::ReadOnly)
            return fail(std::format("written by an older Frontline (schema {}); upgrade it to schema {} with "
                                    "'frontline upgrade {}'",
                version, kSchemaVersion, m_path.string()));
        if (appId == 0 || version < kSchemaVersion) {
            // Steps rebuild tables, which SQLite allows only with foreign keys off; they are checked before commit.
            Transaction t(*this);
            migrate(appId == 0 ? 0 : version);
            if (auto check = prepare("PRAGMA foreign_key_check"); check.step())
                throw SqlError(std::format("the upgrade left a dangling reference in table {}", check.text(0)));
            t.commit();
        }
        exec("PRAGMA foreign_keys = ON");
        if (mode != Mode::ReadOnly) // a cache that holds the change indexes of a country, so that imports seldom spill
            exec("PRAGMA journal_mode = WAL; PRAGMA cache_size = -262144");
        return {};
    } catch (const SqlError &e) {
        if (const int code = sqlite3_errcode(handle()) & 0xff; code == SQLITE_BUSY || code == SQLITE_LOCKED)
            return fail("busy: another program is writing it (a large import holds it until it ends); try again then");
        return fail(
            std::string("damaged, or not a Frontline database (SQLite: ") + e.what() + "); Frontline does not repair databases");
    }
}

InPlaceWrites::InPlaceWrites(const Database &db) : m_db(db), m_active(switchJournal(db.handle(), "DELETE") == "delete")
{
}

InPlaceWrites::~InPlaceWrites()
{
    if (m_active) // if a reader came in meanwhile, the file keeps its journal until the next write opens it
        switchJournal(m_db.handle(), "WAL");
}

ForeignKeysOff::ForeignKeysOff(const Database &db) : m_db(db)
{
    if (!sqlite3_get_autocommit(db.handle()))
        throw std::logic_error("ForeignKeysOff inside a transaction: SQLite would ignore it");
    db.exec("PRAGMA foreign_keys = OFF");
}

ForeignKeysOff::~ForeignKeysOff()
{
    sqlite3_exec(m_db.handle(), "PRAGMA foreign_keys = ON", nullptr, nullptr, nullptr); // cannot fail outside a transaction
}

} // namespace frontline
