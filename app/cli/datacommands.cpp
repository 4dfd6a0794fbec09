// SPDX-License-Identifier: MIT
#include "cli/arguments.h"
#include "cli/subcommands.h"
#include "export/exporters.h"
#include "import/datasetimporter.h"
#include "import/tableimport.h"
#include "import/vectorimport.h"
#include "storage/database.h"

#include <format>
#include <iostream>

using namespace frontline;

int initCommand(const QStringList &args)
{
    Arguments a;
    const auto name = option("name", "the dataset's title", "TEXT");
    const QCommandLineOption licence{
        QStringList{"licence", "license"}, QStringLiteral("its licence and attribution"), QStringLiteral("TEXT")};
    if (auto e = a.parse(args, {name, licence}, 1, 1))
        return usageError(*e);
    const std::filesystem::path path = a.positional().first().toStdString();
    std::error_code ec;
    if (std::filesystem::exists(path, ec))
        return failure(path.string() + ": already exists; refusing to overwrite it");
    auto db = openForWriting(path);
    if (!db)
        return 1;
    std::map<std::string, std::string> description;
    if (a.isSet(name))
        description["name"] = a.value(name).toStdString();
    if (a.isSet(licence))
        description["license"] = a.value(licence).toStdString();
    if (auto described = describeDataset(*db, description); !described)
        return failure(described.error().message);
    return 0;
}

int copyCommand(const QStringList &args)
{
    Arguments a;
    if (auto e = a.parse(args, {Arguments::kDb}, 1, 1))
        return usageError(*e);
    const std::filesystem::path copy = a.positional().first().toStdString();
    std::error_code ec;
    if (std::filesystem::exists(copy, ec))
        return failure(copy.string() + ": already exists; refusing to overwrite it");
    if (auto source = Database::open(a.database(), Database::Mode::ReadOnly); !source)
        return failure(source.error().message); // a foreign, corrupt or newer file is not copied either
    if (auto copied = Database::backUp(a.database(), copy); !copied)
        return failure(copied.error().message);
    std::cout << "copied " << a.database().filename().string() << " to " << copy.string() << '\n';
    return 0;
}

int upgradeCommand(const QStringList &args)
{
    Arguments a;
    if (auto e = a.parse(args, {}, 1, 1))
        return usageError(*e);
    const std::filesystem::path path = a.positional().first().toStdString();
    if (auto current = Database::open(path, Database::Mode::ReadOnly)) {
        std::cout << path.string() << ": already at schema " << Database::kSchemaVersion << '\n';
        return 0;
    }
    if (auto problems = Database::inspect(path); !problems || !problems->empty())
        return failure(problems
                ? std::format("{}: {}; not upgraded ('frontline check' lists every problem)", path.string(), problems->front())
                : problems.error().message);
    // Keep a copy of the file as it was, made by SQLite itself so a WAL file is included.
    const std::string backup = path.string() + ".bak";
    if (auto copied = Database::backUp(path, backup); !copied)
        return failure(copied.error().message + "; not upgraded");
    auto db = Database::open(path, Database::Mode::ReadWrite);
    if (!db)
        return failure(db.error().message);
    std::cout << path.string() << ": upgraded to schema " << Database::kSchemaVersion << "; the old file is kept as " << backup
              << '\n';
    return 0;
}

int importCommand(const QStringList &args)
{
    if (args.size() > 1 && args[1] == "areas")
        return importAreasCommand(args);
    if (args.size() > 1 && args[1] == "places")
        return importPlacesCommand(args);
    Arguments a;
    const auto idField = option("id-field", "attribute with the district id", "F");
    const auto nameField = option("name-field", "attribute with the name", "F");
    const auto arabicField = option("arabic-name-field", "attribute with the Arabic name", "F");
    const auto altField = option("alt-name-field", "attribute with other names (repeatable)", "F");
    const auto latField = option("lat-field", "gazetteer: column with the latitude", "C");
    const auto lonField = option("lon-field", "gazetteer: column with the longitude", "C");
    const auto clip = option("clip", "polygons to clip Voronoi districts to", "AREA");
    // A changes table's columns under other names than its usual ones (--id-field is shared with districts).
    QList<QCommandLineOption> changeFields;
    for (const char *part : {"date", "district", "state", "factions", "confidence", "note"})
        changeFields.append({QStringLiteral("%1-field").arg(part), QStringLiteral("changes: column with the %1").arg(part),
            QStringLiteral("COLUMN")});
    QList<QCommandLineOption> options{Arguments::kDb, Arguments::kDate, Arguments::kQuiet, Arguments::kStatus, idField, nameField,
        arabicField, altField, latField, lonField, clip};
    options.append(changeFields);
    if (auto e = a.parse(args, options, 2, 2))
        return usageError(*e);
    const QString kind = a.positional().first();
    const std::filesystem::path input = a.positional()[1].toStdString();
    if (!a.isSet(Arguments::kDb))
        return usageError("import: --db DB is required");
    const bool quiet = a.isSet(Arguments::kQuiet);
    const DistrictFields fields{
        a.value(idField).toStdString(), a.value(nameField).toStdString(), a.value(arabicField).toStdString(), {}};
    auto withFields = [&] {
        DistrictFields f = fields;
        f.lat = a.value(latField).toStdString();
        f.lon = a.value(lonField).toStdString();
        for (const auto &alt : a.values(altField))
            f.altNames.push_back(alt.toStdString());
        return f;
    };
    auto table = parseTable(kind.toStdString());
    if (kind != "dataset" && kind != "districts" && kind != "gazetteer" && !table)
        return usageError(
            QStringLiteral("import: unknown kind \"%1\" (expected dataset, districts, gazetteer, areas, places, factions, "
                           "changes, sources, excerpts or evidence)")
                .arg(kind));
    auto db = openForImport(a);
    if (!db)
        return 1;
    if (kind == "dataset")
        return reportImport(importDataset(*db, input), quiet);
    if (kind == "districts")
        return reportImport(input.extension() == ".csv" && !a.isSet(idField) ? importTable(*db, Table::Districts, input)
                                                                             : importDistrictFile(*db, input, withFields()),
            quiet);
    if (kind == "gazetteer")
        return reportImport(importGazetteer(*db, input, withFields(),
                                a.isSet(clip) ? std::optional<std::filesystem::path>(a.value(clip).toStdString()) : std::nullopt),
            quiet);
    ColumnNames columns;
    for (const auto &option : changeFields)
        if (a.isSet(option))
            columns[option.names().first().chopped(6).toStdString()] = a.value(option).toStdString();
    if (a.isSet(idField))
        columns["id"] = a.value(idField).toStdString();
    if (!columns.empty() && table != Table::Changes)
        return usageError("import: --FIELD-field options name the columns of a changes table or a district file");
    // NOLINTNEXTLINE(bugprone-unchecked-optional-access): every kind that is not a table has returned above
    return reportImport(importTable(*db, *table, input, columns), quiet);
}

int exportCommand(const QStringList &args)
{
    Arguments a;
    if (auto e = a.parse(args, {Arguments::kDb, Arguments::kDate, Arguments::kOutput, Arguments::kVerifiedOnly}, 1, 1))
        return usageError(*e);
    const QString kind = a.positional().first();
    if (!a.isSet(Arguments::kOutput))
        return usageError("export: -o FILE is required");
    const std::filesystem::path output = a.value(Arguments::kOutput).toStdString();
    auto db = a.openForReading();
    if (!db)
        return 1;
    Result<int> written = fail("");
    if (kind == "geojson") {
        QString error;
        auto date = a.dateInData(Arguments::kDate, *db, error);
        if (!date)
            return usageError(error);
        written = exportGeoJson(*db, *date, output);
    } else if (kind == "gpkg") {
        written = exportGeoPackage(*db, output);
    } else if (kind == "kml") {
        written = exportKml(*db, output);
    } else if (kind == "csv") {
        written = exportDataset(*db, output);
    } else {
        return usageError(QStringLiteral("export: unknown format \"%1\" (expected geojson, gpkg, kml or csv)").arg(kind));
    }
    if (!written)
        return failure(written.error().message);
    std::cout << "wrote " << *written
              << (kind == "csv"              ? " changes"
                         : kind == "geojson" ? " districts"
                                             : " control intervals")
              << " to " << output.string() << '\n';
    return 0;
}

int checkCommand(const QStringList &args)
{
    Arguments a;
    if (auto e = a.parse(args, {}, 1, 1))
        return usageError(*e);
    const std::string path = a.positional().first().toStdString();
    auto problems = Database::inspect(path);
    if (!problems)
        return failure(problems.error().message);
    for (const auto &problem : *problems)
        std::cout << problem << '\n';
    if (!problems->empty())
        return failure(std::format("{}: {} problem(s) found; Frontline does not repair databases", path, problems->size()));
    std::cout << path << ": ok\n";
    return 0;
}
