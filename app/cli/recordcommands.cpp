// SPDX-License-Identifier: MIT
// Recording from the command line: record, cite, correct, retract, review and the edit log.
#include "cli/arguments.h"
#include "cli/csvwriter.h"
#include "cli/subcommands.h"
#include "record/recorder.h"

#include <QRegularExpression>

#include <algorithm>
#include <array>
#include <iostream>

using namespace frontline;

namespace {
const QCommandLineOption kAuthor = option("author", "who makes this edit (default: $FRONTLINE_AUTHOR, else your login)", "NAME");
const QCommandLineOption kHolder = option("holder", "the faction that holds it (id or name)", "FACTION");
const QCommandLineOption kContested = option("contested", "contested between these factions", "A;B");
const QCommandLineOption kContestedWith =
    option("contested-with", "contested between --holder and this faction (repeatable)", "FACTION");
const QCommandLineOption kDistrict = option("district", "a district, by id or name (repeatable; or name them first)", "DISTRICT");
const QCommandLineOption kConfidence = option("confidence", "high, medium or low", "LEVEL");
const QCommandLineOption kChangeNote = option("change-note", "a note on the change itself", "TEXT");
const QCommandLineOption kSource =
    option("source", "an existing source's id; with --url, --title... a new source's publisher", "ID|NAME");
const QCommandLineOption kPublisher = option("publisher", "a new source's publisher", "NAME");
const QCommandLineOption kSourceAuthor = option("source-author", "the new source's author", "NAME");
const QCommandLineOption kTitle = option("title", "the new source's title", "TEXT");
const QCommandLineOption kUrl = option("url", "the new source's address (http, https or file)", "URL");
const QCommandLineOption kArchivedUrl = option("archived-url", "an archived copy of it (Wayback Machine, archive.today)", "URL");
const QCommandLineOption kPublished = option("published", "when it was published", "YYYY-MM-DD");
const QCommandLineOption kQuote = option("quote", "what the source says", "TEXT");
const QCommandLineOption kNote = option("note", "the analyst's note on the source, instead of a quote", "TEXT");
const QCommandLineOption kStance = option("stance", "supports, disputes, context or infers (default supports)", "STANCE");
const QCommandLineOption kReason = option("reason", "why", "TEXT");

const QList<QCommandLineOption> kEvidenceOptions{
    kSource, kPublisher, kSourceAuthor, kTitle, kUrl, kArchivedUrl, kPublished, kQuote, kNote, kStance};

std::string text(const Arguments &a, const QCommandLineOption &o)
{
    return a.value(o).toStdString();
}

std::vector<std::string> split(const QString &list)
{
    std::vector<std::string> out;
    for (const QString &part : list.split(QRegularExpression("[;|]"), Qt::SkipEmptyParts))
        out.push_back(part.trimmed().toStdString());
    return out;
}

//! The evidence the options give, nullopt if none; `error` says what does not fit.
std::optional<EvidenceInput> evidence(const Arguments &a, QString &error)
{
    if (!a.isSet(kQuote) && !a.isSet(kNote)) {
        if (a.isSet(kSource) || a.isSet(kPublisher))
            error = "a source needs --quote TEXT or --note TEXT: what it says";
        return std::nullopt;
    }
    if (a.isSet(kQuote) == a.isSet(kNote) || a.isSet(kSource) == a.isSet(kPublisher)) {
        error = "evidence is one --quote or --note, from --source ID or a new --publisher NAME";
        return std::nullopt;
    }
    // --source NAME with a new source's details is that source's publisher ("--source ISW --url ...").
    const bool described = std::ranges::any_of(
        std::array{kSourceAuthor, kTitle, kUrl, kArchivedUrl, kPublished}, [&](const auto &o) { return a.isSet(o); });
    const auto &publisher = a.isSet(kPublisher) ? kPublisher : kSource;
    EvidenceInput e;
    e.kind = a.isSet(kQuote) ? ExcerptKind::Quote : ExcerptKind::Note;
    e.text = text(a, a.isSet(kQuote) ? kQuote : kNote);
    if (a.isSet(kPublisher) || described)
        e.newSource = NewSource{text(a, publisher), text(a, kSourceAuthor), text(a, kTitle), text(a, kUrl), text(a, kArchivedUrl),
            text(a, kPublished)};
    else
        e.sourceId = text(a, kSource);
    if (a.isSet(kStance)) {
        const auto stance = parseStance(text(a, kStance));
        if (!stance)
            error = QStringLiteral("unknown stance \"%1\" (supports, disputes, context or infers)").arg(a.value(kStance));
        e.stance = stance.value_or(Stance::Supports);
    }
    return e;
}

std::optional<Confidence> confidence(const Arguments &a, QString &error)
{
    if (!a.isSet(kConfidence))
        return std::nullopt;
    const auto level = parseConfidence(text(a, kConfidence));
    if (!level)
        error = QStringLiteral("unknown confidence \"%1\" (high, medium or low)").arg(a.value(kConfidence));
    return level;
}

//! The holding that --holder, --contested-with and --contested give; `error` says what does not fit.
Holding holding(const Arguments &a, QString &error)
{
    if (a.isSet(kHolder) == a.isSet(kContested) || (a.isSet(kContestedWith) && !a.isSet(kHolder)))
        error = "give --holder FACTION (with --contested-with OTHER for a contest), or --contested A;B";
    Holding h;
    if (a.isSet(kContested) || a.isSet(kContestedWith))
        h.state = ControlState::Contested;
    h.factions = a.isSet(kHolder) ? std::vector{text(a, kHolder)} : split(a.value(kContested));
    for (const QString &other : a.values(kContestedWith))
        h.factions.push_back(other.trimmed().toStdString());
    return h;
}

//! Opens --db (never the bundled dataset, never created here) and runs `body(arguments, recorder)`.
template <typename Body>
int editCommand(const QStringList &args, QList<QCommandLineOption> options, qsizetype positional, qsizetype most, Body &&body)
{
    Arguments a;
    options << Arguments::kDb << kAuthor << Arguments::kQuiet;
    if (auto e = a.parse(args, options, positional, most))
        return usageError(*e);
    if (!a.isSet(Arguments::kDb))
        return usageError("--db FILE is required: the file of your own to record in");
    auto db = openForWriting(a.database(), Database::Mode::ReadWrite);
    if (!db)
        return 1;
    const std::string author = a.isSet(kAuthor) ? text(a, kAuthor) : editlog::defaultAuthor();
    if (author.find_first_not_of(' ') == std::string::npos)
        return usageError("--author may not be empty");
    Recorder recorder(*db, author);
    return body(a, recorder);
}

//! Prints what `edit` did, or why it was refused; returns the exit status.
int report(const Result<Edit> &edit, const Arguments &a, std::string_view done)
{
    if (!edit)
        return failure(edit.error().message + " (nothing was saved)");
    for (const auto &w : edit->warnings)
        std::cerr << "frontline: " << w << '\n';
    if (!a.isSet(Arguments::kQuiet))
        for (const auto &c : edit->changes)
            std::cout << c.id << ' ' << done << " (" << c.district << ")\n";
    return 0;
}
} // namespace

int recordCommand(const QStringList &args)
{
    const QList<QCommandLineOption> options{
        kDistrict, Arguments::kDate, kHolder, kContested, kContestedWith, kConfidence, kChangeNote};
    return editCommand(args, options + kEvidenceOptions, 0, 1000, [](const Arguments &a, Recorder &recorder) {
        QString error;
        Recording r;
        for (const QString &d : a.positional() + a.values(kDistrict))
            r.districts.push_back(d.toStdString());
        if (r.districts.empty())
            return usageError("name the districts: record DISTRICT... or --district DISTRICT");
        const auto date = a.date(Arguments::kDate, error);
        r.holding = holding(a, error);
        r.holding.confidence = confidence(a, error).value_or(Confidence::Medium);
        r.note = text(a, kChangeNote);
        r.evidence = evidence(a, error);
        if (!error.isEmpty())
            return usageError(error);
        r.date = *date;
        return report(recorder.record(r), a, "recorded, a draft");
    });
}

int citeCommand(const QStringList &args)
{
    return editCommand(args, kEvidenceOptions, 1, 1, [](const Arguments &a, Recorder &recorder) {
        QString error;
        const auto e = evidence(a, error);
        if (!e && error.isEmpty())
            error = "cite needs --quote TEXT or --note TEXT, from --source ID or a new --publisher NAME";
        if (!error.isEmpty())
            return usageError(error);
        return report(recorder.cite(a.positional().first().toStdString(), *e), a, "cited, a draft");
    });
}

int correctCommand(const QStringList &args)
{
    return editCommand(args, {Arguments::kDate, kHolder, kContested, kContestedWith, kConfidence, kChangeNote}, 1, 1,
        [](const Arguments &a, Recorder &recorder) {
            QString error;
            Correction k;
            if (a.isSet(Arguments::kDate))
                k.date = a.date(Arguments::kDate, error);
            if (a.isSet(kHolder) || a.isSet(kContested) || a.isSet(kContestedWith)) {
                const Holding h = holding(a, error);
                k.state = h.state;
                k.factions = h.factions;
            }
            k.confidence = confidence(a, error);
            if (a.isSet(kChangeNote))
                k.note = text(a, kChangeNote);
            if (!error.isEmpty())
                return usageError(error);
            return report(recorder.correct(a.positional().first().toStdString(), k), a, "corrected, a draft");
        });
}

int retractCommand(const QStringList &args)
{
    return editCommand(args, {kReason}, 1, 1, [](const Arguments &a, Recorder &recorder) {
        return report(recorder.retract(a.positional().first().toStdString(), text(a, kReason)), a, "retracted");
    });
}

int reviewCommand(const QStringList &args)
{
    const auto verify = option("verify", "verify a draft: a change, or one piece of its evidence", "CHANGE[/EXCERPT]");
    const auto reject = option("reject", "reject a draft (with --reason)", "CHANGE[/EXCERPT]");
    return editCommand(args, {verify, reject, kReason}, 0, 0, [&](const Arguments &a, Recorder &recorder) {
        if (a.isSet(verify) == a.isSet(reject))
            return usageError("give --verify TARGET or --reject TARGET --reason TEXT");
        if (a.isSet(verify))
            return report(recorder.verify(text(a, verify)), a, "verified");
        return report(recorder.reject(text(a, reject), text(a, kReason)), a, "rejected");
    });
}

int logCommand(const QStringList &args)
{
    Arguments a;
    const auto district = option("district", "only this district's edits (its id)", "ID");
    const auto author = option("author", "only this author's edits", "NAME");
    const auto since = option("since", "only edits made on or after this day (UTC)", "YYYY-MM-DD");
    if (auto e = a.parse(args, {Arguments::kDb, district, author, since}, 0, 0))
        return usageError(*e);
    LogFilter filter{text(a, district), text(a, author), std::nullopt};
    if (a.isSet(since)) {
        QString error;
        filter.since = a.date(since, error);
        if (!filter.since)
            return usageError(error);
    }
    auto db = Database::open(a.database(), Database::Mode::ReadOnly);
    if (!db)
        return failure(db.error().message);
    const auto log = editlog::read(*db, filter);
    if (!log)
        return failure(log.error().message);
    writeCsvRecord(std::cout, {"num", "at", "author", "action", "change", "district", "before", "after", "reason"});
    for (const LogEntry &e : *log)
        writeCsvRecord(std::cout,
            {std::to_string(e.num), e.at, e.author, std::string(toString(e.action)), e.changeId, e.district, e.before, e.after,
                e.reason});
    return 0;
}
