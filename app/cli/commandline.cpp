// SPDX-License-Identifier: MIT
#include "cli/commandline.h"

#include "arguments.h"
#include "cli/subcommands.h"

#include <QGuiApplication>

#include <functional>
#include <iostream>
#include <map>

namespace {
constexpr const char *kUsage = R"(usage: frontline [--db FILE] [--date YYYY-MM-DD]        open the viewer
       frontline <command> [options]

queries (default database: the bundled East Aleppo 2016 dataset)
  state --date D [--db DB]               every district's holder on day D, as CSV
  history DISTRICT [--db DB]             a district's changes with their sources (id or any of its names)
  days [--db DB]                         the days that have changes, with counts, as CSV
  search QUERY [--db DB]                 full-text search of names and excerpts ("phrases", OR, prefix*)
  stats [--db DB] [--claims]             districts and area per holder per day, as CSV; with --claims,
                                         each reported share beside the dataset's own share that day
  audit [--db DB] [--enclosed-days N] [--late-days N] [--claim-points N]
                                         the dataset's consistency checks as CSV; exit status 1 on errors
  render --date D -o FILE.png|.svg [--size WxH] [--no-attribution] [--db DB]
                                         the map of day D, with legend and date, without a display
  render --from D1 --to D2 -o FILE.mp4|.gif [--days-per-second N] [--size WxH] [--no-captions] [--db DB]
                                         the timeline as a video (FFmpeg: H.264 in MP4, or GIF), each
                                         day's changes and their strongest sources in a band below the map

data
  init DB [--name TEXT] [--licence TEXT] create an empty database (its title and licence go on every map)
  upgrade DB                             bring a database from an older Frontline to this schema
  check DB                               SQLite's full integrity check and the foreign keys
  import dataset DIR --db DB             a dataset folder (manifest.ini + CSV files)
  import districts FILE --db DB [--id-field F] [--name-field F] [--arabic-name-field F] [--alt-name-field F]...
                                         polygons from any vector format GDAL reads, reprojected to WGS84
  import gazetteer POINTS --db DB [--clip AREA] [--lat-field C --lon-field C] [field options as above]
                                         Voronoi districts around points
  import areas PATH... --faction F [--others G] (--date D | --date-from-name PATTERN | --date-field FIELD)
               [--where SQL] [--layer L] [--source NAME] [--source-url URL] [--claims] --db DB
                                         a faction's territory on dates (files, or folders of them, such as
                                         DeepStateMap's archive): control changes, in date order
  import places FILE.csv... --holder-map MAP.csv (--date-from-name PATTERN | --date-field C | --wide)
                [--name-field C] [--lat-field C] [--lon-field C] [--holder-field C] [--source-field C]
                [--source NAME] [--clip AREA | --within] --db DB
                                         dated tables of places and their holders (Wikipedia's town
                                         tables, VIINA's panels): districts around the places, changes
  import changes FILE.csv --db DB [--id-field C] [--date-field C] [--district-field C] [--state-field C]
                 [--factions-field C] [--confidence-field C] [--note-field C]
                                         control changes; a spreadsheet's column names are understood
                                         (district, holder, controller, ...), holders split on ; or |
  import factions|sources|excerpts|evidence FILE.csv --db DB
  export geojson --date D -o FILE [--db DB]   a snapshot of day D
  export gpkg -o FILE [--db DB]          control intervals for QGIS (Temporal Controller ready)
  export kml -o FILE [--db DB]           control intervals with TimeSpan for Google Earth
  export csv -o DIR [--db DB]            a dataset folder that 'import dataset' reads back
  generate --districts N --days D --changes M [--factions K] [--seed S] -o DB
                                         a synthetic war for benchmarks (counts take k and M: 200k, 10M)

Every import runs in one transaction: on any error the database is left exactly as it was.
)";

const std::map<QString, std::function<int(const QStringList &)>> kCommands{{"state", stateCommand}, {"history", historyCommand},
    {"days", daysCommand}, {"search", searchCommand}, {"stats", statsCommand}, {"audit", auditCommand}, {"render", renderCommand},
    {"init", initCommand}, {"upgrade", upgradeCommand}, {"check", checkCommand}, {"import", importCommand},
    {"export", exportCommand}, {"generate", generateCommand}};
} // namespace

bool isCommand(int argc, char **argv)
{
    return argc >= 2 && !QString::fromLocal8Bit(argv[1]).startsWith('-');
}

int runCommand(int argc, char **argv)
{
    const QString command = QString::fromLocal8Bit(argv[1]);
    if (command == "help") {
        std::cout << kUsage;
        return 0;
    }
    auto it = kCommands.find(command);
    if (it == kCommands.end())
        return usageError(QStringLiteral("unknown command \"%1\"").arg(command));
    // Only rendering needs a GUI application, and it runs offscreen so it works without a display.
    std::unique_ptr<QCoreApplication> app;
    if (command == "render") {
        if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
            qputenv("QT_QPA_PLATFORM", "offscreen");
        app = std::make_unique<QGuiApplication>(argc, argv);
    } else {
        app = std::make_unique<QCoreApplication>(argc, argv);
    }
    return it->second(app->arguments().mid(1)); // QCommandLineParser expects the program name first: the command's
}
