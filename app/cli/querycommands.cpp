// SPDX-License-Identifier: MIT
#include "arguments.h"
#include "commandlist.h"
#include "controlqueries.h"
#include "csvwriter.h"
#include "database.h"
#include "statistics.h"

#include <algorithm>
#include <format>
#include <iostream>

using namespace frontline;

namespace {
//! Opens --db (or the bundled dataset) read-only, or prints why not.
std::optional<Database> openForReading(const Arguments &a)
{
    auto db = Database::open(a.database(), Database::Mode::ReadOnly);
    if (!db) {
        failure(db.error().message);
        return std::nullopt;
    }
    return std::move(*db);
}
} // namespace

int stateCommand(const QStringList &args)
{
    Arguments a;
    if (auto e = a.parse(args, {Arguments::kDb, Arguments::kDate}, 0, 0))
        return usageError(*e);
    QString error;
    auto date = a.date(Arguments::kDate, error);
    if (!date)
        return usageError(error);
    auto db = openForReading(a);
    if (!db)
        return 1;
    auto states = ControlQueries(*db).stateAt(*date);
    if (!states)
        return failure(states.error().message);
    writeCsvRecord(std::cout, {"district_id", "name", "state", "controller", "since"});
    for (const auto &s : *states) {
        std::string controller;
        for (const auto &f : s.change ? s.change->factions : std::vector<std::string>{})
            controller += (controller.empty() ? "" : ";") + f;
        writeCsvRecord(std::cout,
            {s.districtId, s.name, s.change ? std::string(toString(s.change->state)) : "unknown", controller,
                s.change ? s.since.toString() : ""});
    }
    return 0;
}

int historyCommand(const QStringList &args)
{
    Arguments a;
    if (auto e = a.parse(args, {Arguments::kDb}, 1, 1))
        return usageError(*e);
    auto db = openForReading(a);
    if (!db)
        return 1;
    ControlQueries queries(*db);
    auto id = queries.findDistrict(a.positional().first().toStdString());
    if (!id)
        return failure(id.error().message);
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
                  << " confidence)" << (c.note.empty() ? "" : "  " + c.note) << '\n';
        for (const auto &e : item.evidence) {
            std::cout << "  [" << toString(e.stance) << "] " << e.source.publisher
                      << (e.source.date.empty() ? "" : ", " + e.source.date)
                      << (e.source.title.empty() ? "" : ": " + e.source.title)
                      << (e.source.url.empty() ? "" : " <" + e.source.url + ">") << '\n';
            std::cout << "      "
                      << (e.excerpt.kind == ExcerptKind::Quote ? "quote: \"" + e.excerpt.text + "\"" : "note: " + e.excerpt.text)
                      << '\n';
        }
    }
    return 0;
}

int daysCommand(const QStringList &args)
{
    Arguments a;
    if (auto e = a.parse(args, {Arguments::kDb}, 0, 0))
        return usageError(*e);
    auto db = openForReading(a);
    if (!db)
        return 1;
    auto days = ControlQueries(*db).changeDays();
    if (!days)
        return failure(days.error().message);
    writeCsvRecord(std::cout, {"date", "changes"});
    for (const auto &d : *days)
        writeCsvRecord(std::cout, {d.date.toString(), std::to_string(d.changes)});
    return 0;
}

int searchCommand(const QStringList &args)
{
    Arguments a;
    if (auto e = a.parse(args, {Arguments::kDb}, 1, 1))
        return usageError(*e);
    auto db = openForReading(a);
    if (!db)
        return 1;
    auto hits = ControlQueries(*db).search(a.positional().first().toStdString());
    if (!hits)
        return failure(hits.error().message);
    writeCsvRecord(std::cout, {"kind", "date", "district_id", "district", "change_id", "stance", "text"});
    for (const auto &h : *hits)
        writeCsvRecord(std::cout,
            {h.changeId.empty() ? "name" : "excerpt", h.date ? h.date->toString() : "", h.districtId, h.districtName, h.changeId,
                h.stance ? std::string(toString(*h.stance)) : "", h.text});
    return 0;
}

int statsCommand(const QStringList &args)
{
    Arguments a;
    if (auto e = a.parse(args, {Arguments::kDb}, 0, 0))
        return usageError(*e);
    auto db = openForReading(a);
    if (!db)
        return 1;
    auto totals = dailyTotals(*db);
    if (!totals)
        return failure(totals.error().message);
    writeCsvRecord(std::cout, {"date", "holder", "districts", "area_km2"});
    for (const auto &t : *totals)
        writeCsvRecord(std::cout, {t.date.toString(), t.holder, std::to_string(t.districts), std::format("{:.3f}", t.areaKm2)});
    return 0;
}
