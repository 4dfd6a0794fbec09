// SPDX-License-Identifier: MIT
#include "commands.h"

#include "atlas.h"
#include "controlqueries.h"
#include "csvwriter.h"
#include "database.h"
#include "datasetimporter.h"
#include "maprenderer.h"

#include <QCommandLineParser>
#include <QGuiApplication>

#include <functional>
#include <iostream>
#include <map>

using namespace frontline;

namespace {
constexpr const char *kUsage = R"(usage: frontline [--db FILE] [--date YYYY-MM-DD]        open the viewer
       frontline <command> [options]

commands:
  state --date YYYY-MM-DD [--db FILE]        every district's holder on that day, as CSV
  history DISTRICT [--db FILE]               a district's changes with their sources (id or exact name)
  days [--db FILE]                           the days that have changes, with counts, as CSV
  render --date YYYY-MM-DD -o FILE.png [--size WxH] [--db FILE]
                                             the map of that day as an image, with legend and date
  init DB                                    create an empty Frontline database
  import dataset DIR --db DB                 import a dataset folder (manifest.ini + CSV files)

With no --db, the bundled dataset (East Aleppo, Nov-Dec 2016) is used.
)";

int usageError(const QString &message)
{
    std::cerr << "frontline: " << message.toStdString() << "\n(run 'frontline --help' for usage)\n";
    return 2;
}

int failure(const std::string &message)
{
    std::cerr << "frontline: " << message << '\n';
    return 1;
}

std::filesystem::path bundledDatabase() { return FRONTLINE_BUNDLED_DB; }

//! Parses one command's options; `positional` is how many positional arguments it takes.
struct Parsed {
    QCommandLineParser parser;
    QStringList positional;
};

std::optional<QString> parse(Parsed &p, const QStringList &args, const QList<QCommandLineOption> &options, qsizetype positional)
{
    p.parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    p.parser.addOptions(options);
    if (!p.parser.parse(args))
        return p.parser.errorText();
    p.positional = p.parser.positionalArguments();
    if (p.positional.size() != positional)
        return QStringLiteral("%1: expected %2 argument(s), got %3").arg(args.first()).arg(positional).arg(p.positional.size());
    return std::nullopt;
}

const QCommandLineOption kDb(QStringLiteral("db"), "database", "FILE");
const QCommandLineOption kDate(QStringLiteral("date"), "day", "YYYY-MM-DD");

std::filesystem::path dbPath(const Parsed &p)
{
    return p.parser.isSet(kDb) ? std::filesystem::path(p.parser.value(kDb).toStdString()) : bundledDatabase();
}

std::optional<Date> requiredDate(const Parsed &p, QString &error)
{
    if (!p.parser.isSet(kDate)) {
        error = "--date YYYY-MM-DD is required";
        return std::nullopt;
    }
    auto date = Date::parse(p.parser.value(kDate).toStdString());
    if (!date)
        error = QStringLiteral("invalid date \"%1\" (expected YYYY-MM-DD, a real calendar day)").arg(p.parser.value(kDate));
    return date;
}

int state(const QStringList &args)
{
    Parsed p;
    if (auto e = parse(p, args, {kDb, kDate}, 0))
        return usageError(*e);
    QString error;
    auto date = requiredDate(p, error);
    if (!date)
        return usageError(error);
    auto db = Database::open(dbPath(p), Database::Mode::ReadOnly);
    if (!db)
        return failure(db.error().message);
    auto states = ControlQueries(*db).stateAt(*date);
    if (!states)
        return failure(states.error().message);
    writeCsvRecord(std::cout, {"district_id", "name", "state", "controller", "since"});
    for (const auto &s : *states) {
        std::string controller;
        for (const auto &f : s.change ? s.change->factions : std::vector<std::string>{})
            controller += (controller.empty() ? "" : ";") + f;
        writeCsvRecord(std::cout, {s.districtId, s.name, s.change ? std::string(toString(s.change->state)) : "unknown", controller,
                                   s.change ? s.since.toString() : ""});
    }
    return 0;
}

int history(const QStringList &args)
{
    Parsed p;
    if (auto e = parse(p, args, {kDb}, 1))
        return usageError(*e);
    auto db = Database::open(dbPath(p), Database::Mode::ReadOnly);
    if (!db)
        return failure(db.error().message);
    ControlQueries queries(*db);
    auto id = queries.findDistrict(p.positional.first().toStdString());
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
        std::cout << '\n' << c.date.toString() << "  " << toString(c.state) << ": " << sides << "  (" << toString(c.confidence)
                  << " confidence)" << (c.note.empty() ? "" : "  " + c.note) << '\n';
        for (const auto &e : item.evidence) {
            std::cout << "  [" << toString(e.stance) << "] " << e.source.publisher << (e.source.date.empty() ? "" : ", " + e.source.date)
                      << (e.source.title.empty() ? "" : ": " + e.source.title) << (e.source.url.empty() ? "" : " <" + e.source.url + ">")
                      << '\n';
            std::cout << "      " << (e.excerpt.kind == ExcerptKind::Quote ? "quote: \"" + e.excerpt.text + "\"" : "note: " + e.excerpt.text)
                      << '\n';
        }
    }
    return 0;
}

int days(const QStringList &args)
{
    Parsed p;
    if (auto e = parse(p, args, {kDb}, 0))
        return usageError(*e);
    auto db = Database::open(dbPath(p), Database::Mode::ReadOnly);
    if (!db)
        return failure(db.error().message);
    auto days = ControlQueries(*db).changeDays();
    if (!days)
        return failure(days.error().message);
    writeCsvRecord(std::cout, {"date", "changes"});
    for (const auto &d : *days)
        writeCsvRecord(std::cout, {d.date.toString(), std::to_string(d.changes)});
    return 0;
}

int render(const QStringList &args)
{
    Parsed p;
    const QCommandLineOption output(QStringList{"o", "output"}, "image file", "FILE");
    const QCommandLineOption size(QStringLiteral("size"), "image size", "WxH", "1600x1000");
    if (auto e = parse(p, args, {kDb, kDate, output, size}, 0))
        return usageError(*e);
    QString error;
    auto date = requiredDate(p, error);
    if (!date)
        return usageError(error);
    if (!p.parser.isSet(output))
        return usageError("-o FILE.png is required");
    const QStringList wh = p.parser.value(size).split('x');
    const QSize pixels = wh.size() == 2 ? QSize(wh[0].toInt(), wh[1].toInt()) : QSize();
    if (pixels.width() < 200 || pixels.height() < 200 || pixels.width() > 10000 || pixels.height() > 10000)
        return usageError(QStringLiteral("invalid --size \"%1\" (expected WxH, each 200 to 10000)").arg(p.parser.value(size)));
    auto atlas = Atlas::open(dbPath(p));
    if (!atlas)
        return failure(atlas.error().message);
    (*atlas)->setDate(*date);
    MapRenderer renderer(**atlas, pixels);
    const QImage image = renderer.render();
    if (image.isNull())
        return failure("render failed: " + renderer.errorString().toStdString());
    if (!image.save(p.parser.value(output)))
        return failure(p.parser.value(output).toStdString() + ": cannot write the image (check the folder and the extension)");
    return 0;
}

int init(const QStringList &args)
{
    Parsed p;
    if (auto e = parse(p, args, {}, 1))
        return usageError(*e);
    const std::filesystem::path path = p.positional.first().toStdString();
    std::error_code ec;
    if (std::filesystem::exists(path, ec))
        return failure(path.string() + ": already exists; refusing to overwrite it");
    auto db = Database::open(path, Database::Mode::Create);
    return db ? 0 : failure(db.error().message);
}

int importData(const QStringList &args)
{
    Parsed p;
    const QCommandLineOption quiet(QStringLiteral("quiet"), "print nothing on success");
    if (auto e = parse(p, args, {kDb, quiet}, 2))
        return usageError(*e);
    if (p.positional.first() != "dataset")
        return usageError(QStringLiteral("import: unknown kind \"%1\" (expected: dataset)").arg(p.positional.first()));
    if (!p.parser.isSet(kDb))
        return usageError("import: --db DB is required");
    auto db = Database::open(p.parser.value(kDb).toStdString(), Database::Mode::Create);
    if (!db)
        return failure(db.error().message);
    auto summary = importDataset(*db, p.positional[1].toStdString());
    if (!summary)
        return failure(summary.error().message + " (nothing was imported)");
    if (!p.parser.isSet(quiet))
        std::cout << summary->toString() << '\n';
    return 0;
}

const std::map<QString, std::function<int(const QStringList &)>> kCommands{
    {"state", state}, {"history", history}, {"days", days}, {"render", render}, {"init", init}, {"import", importData}};
} // namespace

bool isCommand(int argc, char **argv)
{
    if (argc < 2)
        return false;
    const QString first = QString::fromLocal8Bit(argv[1]);
    return kCommands.contains(first) || first == "help" || first == "--help" || first == "-h" || !first.startsWith('-');
}

int runCommand(int argc, char **argv)
{
    const QString command = QString::fromLocal8Bit(argv[1]);
    if (command == "help" || command == "--help" || command == "-h") {
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
    QStringList args = app->arguments().mid(1); // QCommandLineParser expects the program name first
    return it->second(args);
}
