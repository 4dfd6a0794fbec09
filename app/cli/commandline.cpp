// SPDX-License-Identifier: MIT
#include "cli/commandline.h"

#include "cli/arguments.h"
#include "cli/subcommands.h"

#include <QFileInfo>
#include <QGuiApplication>

#include <functional>
#include <iostream>
#include <map>

namespace {
constexpr const char *kUsage =
    R"(usage: frontline [FILE.frontline] [viewer options]    open the viewer (default: the bundled dataset)
       frontline <command> [options]

viewer options
  --db FILE                              the database to open (the same as naming it first)
  --date D                               the day to open on (YYYY-MM-DD)
  --select DISTRICT                      select a district (id or any of its names); repeated, several
  --compare D                            compare with day D: outline what changed hands since
  --arabic                               label districts in Arabic
  --basemap PATH                         an offline basemap: an MBTiles file or a z/x/y tile folder
  --audit                                open the audit panel
  --verified-only                        the record as it would be published: drafts left out
  --play N                               start playing at N days a second (1 to 60)
  --screenshot FILE.png                  save the window once drawn, then quit
  --frame-times FILE.csv                 log every frame's timing, written with a summary on exit
  --quit-after SECONDS                   close the window after SECONDS (scripted runs)
  The last day, view and window come back on the next start, unless one of the options above is given.

queries (default database: the bundled East Aleppo 2016 dataset)
  state --date D [--db DB]               every district's holder on day D, as CSV
  history DISTRICT [--db DB]             a district's changes with their sources (id or any of its names)
  days [--db DB]                         the days that have changes, with counts, as CSV
  search QUERY [--db DB]                 full-text search of names and excerpts ("phrases", OR, prefix*)
  stats [--db DB] [--claims]             districts and area per holder per day, as CSV; with --claims,
                                         each reported share beside the dataset's own share that day
  audit [--db DB] [--enclosed-days N] [--late-days N] [--claim-points N] [--draft-days N]
                                         the dataset's consistency checks as CSV; exit status 1 on errors
  render --date D -o FILE.png|.svg [--size WxH] [--no-attribution] [--db DB]
                                         the map of day D, with legend and date, without a display
  render --from D1 --to D2 -o FILE.mp4|.gif [--days-per-second N] [--size WxH] [--no-captions] [--db DB]
                                         the timeline as a video (FFmpeg: H.264 in MP4, or GIF), each
                                         day's changes and their strongest sources in a band below the map

data (the bundled dataset is never written: 'copy' makes a file of your own to work on)
  init DB [--name TEXT] [--licence TEXT] create an empty database (its title and licence go on every map)
  copy DEST [--db DB]                    a copy of a database (default: the bundled one), made by SQLite
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
  import ... --status draft               any import as drafts for a colleague to verify (default: verified,
                                         what you import is what you vouch for)
  export geojson --date D -o FILE [--db DB]   a snapshot of day D
  export gpkg -o FILE [--db DB]          control intervals for QGIS (Temporal Controller ready)
  export kml -o FILE [--db DB]           control intervals with TimeSpan for Google Earth
  export csv -o DIR [--db DB]            a dataset folder that 'import dataset' reads back
  generate --districts N --days D --changes M [--factions K] [--seed S] -o DB
                                         a synthetic war for benchmarks (counts take k and M: 200k, 10M)

recording (--db a file of your own; every edit is signed --author NAME, default $FRONTLINE_AUTHOR or your login)
  record DISTRICT... --date D (--holder F [--contested-with G]... | --contested A;B) [--confidence L]
         [--change-note TEXT] [evidence]  districts (or --district D, repeated) that changed hands on day D,
                                         as one draft edit
  cite CHANGE [evidence]                 add evidence to a change, as a draft
    evidence: (--source ID | --publisher P [--source-author A] [--title T] [--url U] [--archived-url U]
              [--published D]) (--quote TEXT | --note TEXT) [--stance supports|disputes|context|infers];
              --source NAME with --url, --title... is a new source's publisher, as --publisher
  correct CHANGE [--date D] [--holder F [--contested-with G] | --contested A;B] [--confidence L] [--change-note T]
                                         correct a change (it becomes a draft again)
  retract CHANGE --reason TEXT           take a change out of the record (the log keeps it)
  review --verify CHANGE[/EXCERPT] | --reject CHANGE[/EXCERPT] --reason TEXT
                                         a colleague's review of a draft; nobody verifies their own
  log [--district ID] [--author NAME] [--since D] [--db DB]
                                         the edit log as CSV: who changed what, when, before and after

Every query, export and render takes --verified-only: the record as it would be published, drafts left out.
Every import and every edit runs in one transaction: on any error the database is left exactly as it was.

In a checkout, ./frontline.sh runs all of these inside the build environment, and adds: setup (once, as root:
the environment and its test tools), build, test [PRESET] [ctest options], lint [FOLDER...], fuzz [SECONDS],
bench [S|L...] and env [COMMAND] (docs/building.md). Guides: docs/user-guide.md, docs/real-data.md.
)";

const std::map<QString, std::function<int(const QStringList &)>> kCommands{{"state", stateCommand}, {"history", historyCommand},
    {"days", daysCommand}, {"search", searchCommand}, {"stats", statsCommand}, {"audit", auditCommand}, {"render", renderCommand},
    {"init", initCommand}, {"copy", copyCommand}, {"upgrade", upgradeCommand}, {"check", checkCommand}, {"import", importCommand},
    {"export", exportCommand}, {"generate", generateCommand}, {"record", recordCommand}, {"cite", citeCommand},
    {"correct", correctCommand}, {"retract", retractCommand}, {"review", reviewCommand}, {"log", logCommand}};
bool isHelp(const QString &argument)
{
    return argument == "help" || argument == "--help" || argument == "-h" || argument == "-?";
}
} // namespace

bool isCommand(int argc, char **argv)
{
    if (argc < 2)
        return false;
    // A file, as a file manager hands it over (the .desktop file's %f), opens in the viewer.
    const QString first = QString::fromLocal8Bit(argv[1]);
    return isHelp(first) || kCommands.contains(first)
        || (!first.startsWith('-') && !first.endsWith(QStringLiteral(".frontline")) && !QFileInfo(first).isFile());
}

int runCommand(int argc, char **argv)
{
    const QString command = QString::fromLocal8Bit(argv[1]);
    if (isHelp(command)) { // before any QGuiApplication: help needs no display
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
