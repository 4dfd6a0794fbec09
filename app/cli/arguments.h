// SPDX-License-Identifier: MIT
#pragma once

#include "domain/date.h"
#include "error.h"
#include "import/importsummary.h"
#include "storage/database.h"
#include "viewer/bundleddatabase.h"

#include <QCommandLineParser>
#include <QStringList>

#include <filesystem>
#include <optional>

//! An option `--name`, with a VALUE it takes (none for a flag).
[[nodiscard]] QCommandLineOption option(const char *name, const char *help, const char *value = nullptr);

//! One command's parsed arguments. Options common to commands are declared here.
class Arguments {
public:
    static inline const QCommandLineOption kDb{QStringLiteral("db"), QStringLiteral("database"), QStringLiteral("FILE")};
    static inline const QCommandLineOption kDate{QStringLiteral("date"), QStringLiteral("day"), QStringLiteral("YYYY-MM-DD")};
    static inline const QCommandLineOption kQuiet{QStringLiteral("quiet"), QStringLiteral("print nothing on success")};
    static inline const QCommandLineOption kOutput{
        QStringList{"o", "output"}, QStringLiteral("output file"), QStringLiteral("FILE")};

    static inline const QCommandLineOption kRenderer{QStringLiteral("renderer"),
        QStringLiteral("how districts are drawn: items (one map item each), batched (one layer) or auto"),
        QStringLiteral("items|batched|auto"), QStringLiteral("auto")};

    static inline const QCommandLineOption kVerifiedOnly{
        QStringLiteral("verified-only"), QStringLiteral("the record as it would be published: drafts left out")};

    static inline const QCommandLineOption kStatus{QStringLiteral("status"),
        QStringLiteral("what an import vouches for: verified (the default) or draft (each change and its evidence "
                       "waits for a colleague's review)"),
        QStringLiteral("draft|verified"), QStringLiteral("verified")};

    //! Parses `args` (command name first); nullopt and an error message if they do not fit.
    [[nodiscard]] std::optional<QString> parse(
        const QStringList &args, const QList<QCommandLineOption> &options, qsizetype minPositional, qsizetype maxPositional);

    [[nodiscard]] const QStringList &positional() const { return m_positional; }
    [[nodiscard]] bool isSet(const QCommandLineOption &o) const { return m_parser.isSet(o); }
    [[nodiscard]] QString value(const QCommandLineOption &o) const { return m_parser.value(o); }
    [[nodiscard]] QStringList values(const QCommandLineOption &o) const { return m_parser.values(o); }
    //! --db, or the bundled dataset.
    [[nodiscard]] std::filesystem::path database() const;
    //! --db (or the bundled dataset) opened for reading, drafts hidden if --verified-only is set (a command that
    //! calls it takes kVerifiedOnly); nullopt after printing why it cannot be opened.
    [[nodiscard]] std::optional<frontline::Database> openForReading() const;
    //! The parsed value of a date option; `error` says what is wrong when it is missing or invalid.
    [[nodiscard]] std::optional<frontline::Date> date(const QCommandLineOption &o, QString &error) const;
    //! The same, within `db`'s data: a date before its first change is an error naming the span; one after its
    //! last day is kept (nothing changed since), with a note on stderr that the data end there.
    [[nodiscard]] std::optional<frontline::Date> dateInData(
        const QCommandLineOption &o, const frontline::Database &db, QString &error) const;

private:
    QCommandLineParser m_parser;
    QStringList m_positional;
};

//! Prints "frontline: MESSAGE" and a hint to stderr; returns the exit status for bad usage (2).
int usageError(const QString &message);
//! Prints "frontline: MESSAGE" to stderr; returns the exit status for a failure (1).
int failure(const std::string &message);

//! The database at `path` for an import (created if missing) or an edit (Mode::ReadWrite: it must exist); nullopt
//! after printing why it cannot be opened (the bundled dataset is refused: it is never written).
[[nodiscard]] std::optional<frontline::Database> openForWriting(
    const std::filesystem::path &path, frontline::Database::Mode mode = frontline::Database::Mode::Create);
//! --db opened for an import (created if missing) that writes drafts if --status draft (a command that calls it
//! takes Arguments::kStatus); nullopt after printing why it cannot.
[[nodiscard]] std::optional<frontline::Database> openForImport(const Arguments &a);
//! Prints an import's summary and remarks (unless `quiet`) or its error; returns the exit status.
int reportImport(const frontline::Result<frontline::ImportSummary> &summary, bool quiet);
