// SPDX-License-Identifier: MIT
#include "cli/arguments.h"
#include "cli/csvwriter.h"
#include "cli/subcommands.h"
#include "query/audit.h"
#include "query/controlqueries.h"
#include "query/shareclaims.h"
#include "query/statistics.h"
#include "storage/database.h"

#include <algorithm>
#include <format>
#include <iostream>

using namespace frontline;

namespace {
//! Parses a read-only command's arguments, opens its database (--db or the bundled one, --verified-only) and runs
//! `body(arguments, database)`; usage errors and unreadable databases end it first.
template <typename Body>
int readOnlyCommand(const QStringList &args, const QList<QCommandLineOption> &options, qsizetype positional, Body &&body)
{
    Arguments a;
    if (auto e = a.parse(args, QList(options) << Arguments::kVerifiedOnly, positional, positional))
        return usageError(*e);
    auto db = a.openForReading();
    return db ? body(a, *db) : 1;
}

//! Prints a query's rows as CSV under `header`, each made by `row`; or the query's error.
template <typename T, typename Row>
int printCsv(const Result<std::vector<T>> &rows, const std::vector<std::string> &header, Row &&row)
{
    if (!rows)
        return failure(rows.error().message);
    writeCsvRecord(std::cout, header);
    for (const auto &r : *rows)
        writeCsvRecord(std::cout, row(r));
    return 0;
}
} // namespace

int stateCommand(const QStringList &args)
{
    return readOnlyCommand(args, {Arguments::kDb, Arguments::kDate}, 0, [](const Arguments &a, const Database &db) {
        QString error;
        auto date = a.dateInData(Arguments::kDate, db, error);
        if (!date)
            return usageError(error);
        return printCsv(ControlQueries(db).stateAt(*date), {"district_id", "name", "state", "controller", "since"},
            [](const DistrictState &s) -> std::vector<std::string> {
                std::string controller;
                for (const auto &f : s.change ? s.change->factions : std::vector<std::string>{})
                    controller += (controller.empty() ? "" : ";") + f;
                return {s.districtId, s.name, s.change ? std::string(toString(s.change->state)) : "unknown", controller,
                    s.change ? s.since.toString() : ""};
            });
    });
}

int historyCommand(const QStringList &args)
{
    return readOnlyCommand(args, {Arguments::kDb}, 1, [](const Arguments &a, const Database &db) {
        ControlQueries queries(db);
        auto id = queries.findDistrict(a.positional().first().toStdString());
        if (!id)
            return failure(std::format("{}\n  frontline search \"{}\" looks through every name and source", id.error().message,
                a.positional().first().toStdString()));
        auto changes = queries.history(*id);
        auto districts = queries.districts(false);
        if (!changes || !districts)
            return failure("cannot read the database");
        auto d = std::ranges::find(*districts, *id, &District::id);
        std::cout << d->name << (d->nameArabic.empty() ? "" : " / " + d->nameArabic) << " [" << d->id << "]\n";
        for (const auto &item : *changes) {
            const auto &c = item.change;
            std::string sides;
            for (const auto &f : c.factions)
                sides += (sides.empty() ? "" : " / ") + f;
            std::cout << '\n'
                      << c.date.toString() << "  " << toString(c.state) << ": " << sides << "  (" << toString(c.confidence)
                      << " confidence" << (c.inferred ? ", inferred" : "") << ")" << (c.note.empty() ? "" : "  " + c.note)
                      << '\n';
            for (const auto &e : item.evidence) {
                std::cout << "  [" << (e.stance == Stance::Infers ? "inferred from" : toString(e.stance)) << "] "
                          << e.source.publisher << (e.source.date.empty() ? "" : ", " + e.source.date)
                          << (e.source.title.empty() ? "" : ": " + e.source.title)
                          << (e.source.url.empty() ? "" : " <" + e.source.url + ">") << '\n';
                std::cout << "      "
                          << (e.excerpt.kind == ExcerptKind::Quote ? "quote: \"" + e.excerpt.text + "\""
                                                                   : "note: " + e.excerpt.text)
                          << '\n';
            }
        }
        return 0;
    });
}

int daysCommand(const QStringList &args)
{
    return readOnlyCommand(args, {Arguments::kDb}, 0, [](const Arguments &, const Database &db) {
        return printCsv(ControlQueries(db).changeDays(), {"date", "changes"},
            [](const ChangeDay &d) -> std::vector<std::string> { return {d.date.toString(), std::to_string(d.changes)}; });
    });
}

int searchCommand(const QStringList &args)
{
    return readOnlyCommand(args, {Arguments::kDb}, 1, [](const Arguments &a, const Database &db) {
        return printCsv(ControlQueries(db).search(a.positional().first().toStdString()),
            {"kind", "date", "district_id", "district", "change_id", "stance", "text", "incident_id"},
            [](const SearchHit &h) -> std::vector<std::string> {
                return {std::string(h.kind()), h.date ? h.date->toString() : "", h.districtId, h.districtName, h.changeId,
                    h.stance ? std::string(toString(*h.stance)) : "", h.text, h.incidentId};
            });
    });
}

int statsCommand(const QStringList &args)
{
    const auto claims = option("claims", "the dataset's reported shares, each beside the dataset's own share that day");
    return readOnlyCommand(args, {Arguments::kDb, claims}, 0, [&](const Arguments &a, const Database &db) {
        if (a.isSet(claims))
            return printCsv(shareClaims(db),
                {"date", "claimant", "faction", "area", "claimed_percent", "dataset_percent", "difference", "source", "excerpt"},
                [](const ShareClaim &c) -> std::vector<std::string> {
                    return {c.date.toString(), c.claimant, c.faction, c.areaName, std::format("{:.0f}", c.claimed),
                        std::format("{:.1f}", c.measured), std::format("{:+.1f}", c.measured - c.claimed), c.publisher,
                        c.excerpt};
                });
        return printCsv(
            dailyTotals(db), {"date", "holder", "districts", "area_km2"}, [](const HolderTotal &t) -> std::vector<std::string> {
                return {t.date.toString(), t.holder, std::to_string(t.districts), std::format("{:.3f}", t.areaKm2)};
            });
    });
}

int auditCommand(const QStringList &args)
{
    const QCommandLineOption enclosed{QStringLiteral("enclosed-days"),
        QStringLiteral("days a district may stay enclosed by one holder while shown as another's"), QStringLiteral("N"),
        QStringLiteral("7")};
    const QCommandLineOption late{QStringLiteral("late-days"),
        QStringLiteral("days after a change its supporting source may be published"), QStringLiteral("N"), QStringLiteral("30")};
    const QCommandLineOption points{QStringLiteral("claim-points"),
        QStringLiteral("points by which the dataset may miss a reported share"), QStringLiteral("N"), QStringLiteral("15")};
    const QCommandLineOption drafts{QStringLiteral("draft-days"),
        QStringLiteral("days a recorded or corrected change may wait for review"), QStringLiteral("N"), QStringLiteral("14")};
    return readOnlyCommand(
        args, {Arguments::kDb, enclosed, late, points, drafts}, 0, [&](const Arguments &a, const Database &db) {
            bool okEnclosed = false, okLate = false, okPoints = false, okDrafts = false;
            const AuditOptions options{a.value(enclosed).toInt(&okEnclosed), a.value(late).toInt(&okLate),
                a.value(points).toDouble(&okPoints), a.value(drafts).toInt(&okDrafts)};
            if (!okEnclosed || !okLate || !okPoints || !okDrafts || options.enclosedDays < 0 || options.lateDays < 0
                || options.claimPoints < 0 || options.draftDays < 0)
                return usageError(
                    "--enclosed-days, --late-days and --draft-days take a number of days, --claim-points a number of points");
            auto findings = audit(db, options);
            const int printed = printCsv(findings, {"severity", "check", "date", "district_id", "name", "detail"},
                [](const AuditFinding &f) -> std::vector<std::string> {
                    return {f.severity == AuditFinding::Severity::Error ? "error" : "warning", f.check, f.date.toString(),
                        f.districtId, f.districtName, f.detail};
                });
            if (printed)
                return printed;
            const auto errors = std::ranges::count(*findings, AuditFinding::Severity::Error, &AuditFinding::severity);
            std::cerr << std::format(
                "{}: {} error(s), {} warning(s)\n", a.database().filename().string(), errors, std::ssize(*findings) - errors);
            return errors ? 1 : 0;
        });
}
