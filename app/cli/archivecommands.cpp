// SPDX-License-Identifier: MIT
#include "cli/arguments.h"
#include "cli/progressbar.h"
#include "cli/subcommands.h"
#include "import/areaimport.h"
#include "import/placeimport.h"

// Imports of archives: many dated files in one command, in one transaction.
using namespace frontline;

namespace {
//! Runs an import with a progress bar on the terminal, then prints its summary.
template <typename Options, typename Import>
int withProgress(const Arguments &a, Options &options, Import import)
{
    const bool quiet = a.isSet(Arguments::kQuiet);
    auto db = openForImport(a);
    if (!db)
        return 1;
    Result<ImportSummary> summary = fail("");
    {
        ProgressBar bar(!quiet);
        options.progress = [&](std::string_view phase, std::size_t done, std::size_t total) { bar.update(phase, done, total); };
        summary = import(*db, options);
    }
    return reportImport(summary, quiet);
}
} // namespace

int importAreasCommand(const QStringList &args)
{
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
            {Arguments::kDb, Arguments::kDate, Arguments::kQuiet, Arguments::kStatus, faction, others, fromName, dateField, where,
                layer, source, sourceUrl, claims},
            2, 1'000'000))
        return usageError(*e);
    if (!a.isSet(Arguments::kDb))
        return usageError("import areas: --db DB is required");
    if (!a.isSet(faction))
        return usageError("import areas: --faction F is required");
    if (int(a.isSet(Arguments::kDate)) + int(a.isSet(fromName)) + int(a.isSet(dateField)) != 1)
        return usageError(
            "import areas: say where the dates are: one of --date D, --date-from-name PATTERN or --date-field FIELD");
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
    return withProgress(a, archive, importAreas);
}

int importPlacesCommand(const QStringList &args)
{
    const auto fromName =
        option("date-from-name", "each file is a day's table: strptime pattern of the date in its name", "PATTERN");
    const auto dateField = option("date-field", "a long panel: column with each row's date", "C");
    const auto wide = option("wide", "a wide panel: each column headed by a date holds that day's holders");
    const auto nameField = option("name-field", "column with the place's name", "C");
    const auto latField = option("lat-field", "column with the latitude", "C");
    const auto lonField = option("lon-field", "column with the longitude", "C");
    const auto holderField = option("holder-field", "column with the holder", "C");
    const auto sourceField = option("source-field", "column with the row's cited link", "C");
    const auto holderMap = option("holder-map", "CSV value,state,factions: what each holder value means", "MAP.csv");
    const auto source = option("source", "publisher of the tables", "NAME");
    const auto clip = option("clip", "polygons to clip the places' cells to", "AREA");
    const auto within = option("within", "places fall into the existing districts that contain them");
    Arguments a;
    if (auto e = a.parse(args,
            {Arguments::kDb, Arguments::kQuiet, Arguments::kStatus, fromName, dateField, wide, nameField, latField, lonField,
                holderField, sourceField, holderMap, source, clip, within},
            2, 1'000'000))
        return usageError(*e);
    if (!a.isSet(Arguments::kDb))
        return usageError("import places: --db DB is required");
    if (!a.isSet(holderMap))
        return usageError("import places: --holder-map MAP.csv is required (rows value,state,factions)");
    PlaceTables tables;
    for (const auto &path : a.positional().mid(1))
        tables.files.emplace_back(path.toStdString());
    tables.dateFromName = a.value(fromName).toStdString();
    tables.dateField = a.value(dateField).toStdString();
    tables.wide = a.isSet(wide);
    tables.nameField = a.value(nameField).toStdString();
    tables.latField = a.value(latField).toStdString();
    tables.lonField = a.value(lonField).toStdString();
    tables.holderField = a.value(holderField).toStdString();
    tables.sourceField = a.value(sourceField).toStdString();
    tables.holderMap = a.value(holderMap).toStdString();
    if (a.isSet(source))
        tables.source = a.value(source).toStdString();
    if (a.isSet(clip))
        tables.clip = a.value(clip).toStdString();
    tables.within = a.isSet(within);
    return withProgress(a, tables, importPlaces);
}
