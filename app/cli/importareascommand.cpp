// SPDX-License-Identifier: MIT
#include "areaimport.h"
#include "arguments.h"
#include "commandlist.h"
#include "progressbar.h"

using namespace frontline;

int importAreasCommand(const QStringList &args)
{
    auto option = [](const char *name, const char *help, const char *value = nullptr) {
        return value ? QCommandLineOption(QString::fromLatin1(name), QString::fromLatin1(help), QString::fromLatin1(value))
                     : QCommandLineOption(QString::fromLatin1(name), QString::fromLatin1(help));
    };
    const auto faction = option("faction", "faction whose area the polygons are", "F");
    const auto others = option("others", "faction holding what the polygons do not cover", "G");
    const auto fromName = option("date-from-name", "strptime pattern of the date in each file name", "PATTERN");
    const auto dateField = option("date-field", "attribute with each feature's date", "FIELD");
    const auto where = option("where", "OGR SQL filter of the features", "SQL");
    const auto layer = option("layer", "layer to read (default: the first)", "L");
    const auto source = option("source", "publisher named in the evidence", "NAME");
    const auto sourceUrl = option("source-url", "where the archive comes from", "URL");
    const auto claims = option("claims", "the polygons are one side's claim: evidence for or against the recorded control");
    Arguments a;
    if (auto e = a.parse(args,
            {Arguments::kDb, Arguments::kDate, Arguments::kQuiet, faction, others, fromName, dateField, where, layer, source,
                sourceUrl, claims},
            2, 1'000'000))
        return usageError(*e);
    if (!a.isSet(Arguments::kDb))
        return usageError("import areas: --db DB is required");
    if (!a.isSet(faction))
        return usageError("import areas: --faction F is required");
    if (int(a.isSet(Arguments::kDate)) + int(a.isSet(fromName)) + int(a.isSet(dateField)) != 1)
        return usageError("import areas: say where the dates are: one of --date D, --date-from-name PATTERN or --date-field FIELD");
    AreaArchive archive;
    for (const auto &path : a.positional().mid(1))
        archive.paths.emplace_back(path.toStdString());
    archive.faction = a.value(faction).toStdString();
    archive.others = a.value(others).toStdString();
    if (a.isSet(Arguments::kDate)) {
        QString error;
        archive.date = a.date(Arguments::kDate, error);
        if (!archive.date)
            return usageError(error);
    }
    archive.dateFromName = a.value(fromName).toStdString();
    archive.dateField = a.value(dateField).toStdString();
    archive.where = a.value(where).toStdString();
    archive.layer = a.value(layer).toStdString();
    if (a.isSet(source))
        archive.source = a.value(source).toStdString();
    archive.sourceUrl = a.value(sourceUrl).toStdString();
    archive.role = a.isSet(claims) ? AreaArchive::Role::Claim : AreaArchive::Role::Control;
    const bool quiet = a.isSet(Arguments::kQuiet);
    auto db = openForWriting(a.database());
    if (!db)
        return 1;
    Result<ImportSummary> summary = fail("");
    {
        ProgressBar bar(!quiet);
        archive.progress = [&](std::string_view phase, std::size_t done, std::size_t total) { bar.update(phase, done, total); };
        summary = importAreas(*db, archive);
    }
    return reportImport(summary, quiet);
}
