// SPDX-License-Identifier: MIT
#include "cli/arguments.h"

#include "import/importreview.h"
#include "query/controlqueries.h"
#include "query/verifiedonly.h"

#include <iostream>

std::optional<QString> Arguments::parse(
    const QStringList &args, const QList<QCommandLineOption> &options, qsizetype minPositional, qsizetype maxPositional)
{
    m_parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    m_parser.addOptions(options);
    if (!m_parser.parse(args))
        return m_parser.errorText();
    m_positional = m_parser.positionalArguments();
    if (m_positional.size() < minPositional || m_positional.size() > maxPositional)
        return QStringLiteral("%1: expected %2 argument(s), got %3")
            .arg(args.first(),
                minPositional == maxPositional ? QString::number(minPositional)
                                               : QStringLiteral("%1 to %2").arg(minPositional).arg(maxPositional))
            .arg(m_positional.size());
    return std::nullopt;
}

std::filesystem::path Arguments::database() const
{
    return isSet(kDb) ? std::filesystem::path(value(kDb).toStdString()) : bundledDatabase();
}

std::optional<frontline::Database> Arguments::openForReading() const
{
    auto db = frontline::Database::open(database(), frontline::Database::Mode::ReadOnly);
    if (!db) {
        failure(db.error().message);
        return std::nullopt;
    }
    if (isSet(kVerifiedOnly))
        if (auto shown = frontline::verifiedonly::show(*db); !shown) {
            failure(shown.error().message);
            return std::nullopt;
        }
    return std::move(*db);
}

std::optional<frontline::Date> Arguments::date(const QCommandLineOption &o, QString &error) const
{
    if (!isSet(o)) {
        error = QStringLiteral("--%1 YYYY-MM-DD is required").arg(o.names().first());
        return std::nullopt;
    }
    auto date = frontline::Date::parse(value(o).toStdString());
    if (!date)
        error = QStringLiteral("invalid date \"%1\" (expected YYYY-MM-DD, a real calendar day)").arg(value(o));
    return date;
}

std::optional<frontline::Date> Arguments::dateInData(
    const QCommandLineOption &o, const frontline::Database &db, QString &error) const
{
    auto date = this->date(o, error);
    if (!date)
        return std::nullopt;
    auto span = frontline::ControlQueries(db).span();
    if (!span) {
        error = QString::fromStdString(span.error().message);
        return std::nullopt;
    }
    if (const auto refusal = span->refusal(*date); !refusal.empty()) {
        error = QString::fromStdString(refusal);
        return std::nullopt;
    }
    if (const auto note = span->note(*date); !note.empty())
        std::cerr << "frontline: note: " << note << '\n';
    return date;
}

int usageError(const QString &message)
{
    std::cerr << "frontline: " << message.toStdString() << "\n(run 'frontline help' for usage)\n";
    return 2;
}

int failure(const std::string &message)
{
    std::cerr << "frontline: " << message << '\n';
    return 1;
}

std::optional<frontline::Database> openForWriting(const std::filesystem::path &path, frontline::Database::Mode mode)
{
    if (isBundledDatabase(path)) {
        failure(path.string()
            + " is the bundled dataset, which is never written; make a copy of your own and work on it:\n"
              "  frontline copy ~/my.frontline && frontline ... --db ~/my.frontline");
        return std::nullopt;
    }
    auto db = frontline::Database::open(path, mode);
    if (!db) {
        failure(db.error().message);
        return std::nullopt;
    }
    return std::move(*db);
}

std::optional<frontline::Database> openForImport(const Arguments &a)
{
    const auto review = frontline::parseImportReview(a.value(Arguments::kStatus).toStdString());
    if (!review) {
        usageError(QStringLiteral("--status: draft or verified, not \"%1\"").arg(a.value(Arguments::kStatus)));
        return std::nullopt;
    }
    auto db = openForWriting(a.database());
    if (db && *review == frontline::ImportReview::Draft)
        if (auto drafts = frontline::importAsDrafts(*db); !drafts) {
            failure(drafts.error().message);
            return std::nullopt;
        }
    return db;
}

int reportImport(const frontline::Result<frontline::ImportSummary> &summary, bool quiet)
{
    if (!summary)
        return failure(summary.error().message + " (nothing was imported)");
    if (!quiet) {
        std::cout << summary->toString() << '\n';
        for (const auto &remark : summary->remarks)
            std::cout << "  " << remark << '\n';
    }
    return 0;
}

QCommandLineOption option(const char *name, const char *help, const char *value)
{
    return value ? QCommandLineOption(QString::fromLatin1(name), QString::fromLatin1(help), QString::fromLatin1(value))
                 : QCommandLineOption(QString::fromLatin1(name), QString::fromLatin1(help));
}
