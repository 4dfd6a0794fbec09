// SPDX-License-Identifier: MIT
// Composition root: `frontline <command>` is the command line; anything else opens the viewer.
#include "cli/arguments.h"
#include "cli/commandline.h"
#include "map/tilesource.h"
#include "render/framelog.h"
#include "viewer/viewer.h"

#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QGuiApplication>
#include <QIcon>
#include <QQmlApplicationEngine>
#include <QQuickWindow>
#include <QTimer>
#include <QtQml/qqmlextensionplugin.h>

#include <iostream>

Q_IMPORT_QML_PLUGIN(FrontlinePlugin)

namespace {

//! The viewer's own options (the command line has its own, `frontline help`).
struct ViewerOptions {
    QCommandLineOption db{QStringLiteral("db"), "Database to open (default: the bundled dataset).", "FILE",
        QString::fromStdString(bundledDatabase().string())};
    QCommandLineOption date{QStringLiteral("date"), "Day to open on.", "YYYY-MM-DD"};
    QCommandLineOption screenshot{QStringLiteral("screenshot"), "Save the window to FILE once shown, then quit.", "FILE"};
    QCommandLineOption compare{QStringLiteral("compare"), "Compare with this day (outline what changed hands).", "YYYY-MM-DD"};
    QCommandLineOption select{QStringLiteral("select"), "Select a district (id or name); repeated, several.", "DISTRICT"};
    QCommandLineOption arabic{QStringLiteral("arabic"), "Label districts in Arabic."};
    QCommandLineOption basemap{QStringLiteral("basemap"), "Offline basemap: an MBTiles file or a z/x/y tile folder.", "PATH"};
    QCommandLineOption play{QStringLiteral("play"), "Start playing at N days a second (1 to 60).", "N"};
    QCommandLineOption frameTimes{QStringLiteral("frame-times"),
        "Record every frame's timing (wall and scene graph) and write it to FILE (CSV) on exit, with a summary.", "FILE"};
    QCommandLineOption quitAfter{
        QStringLiteral("quit-after"), "Close the window after SECONDS, as if by the user (scripted runs).", "SECONDS"};
    QCommandLineOption audit{QStringLiteral("audit"), "Open the audit panel: the dataset's consistency checks."};
    QCommandLineOption verifiedOnly{
        QStringLiteral("verified-only"), "Show the record as it would be published: drafts left out (View > Verified only)."};

    explicit ViewerOptions(QCommandLineParser &parser)
    {
        parser.setApplicationDescription("Offline viewer for the history of front lines. Commands: frontline help");
        parser.addHelpOption();
        parser.addOptions(
            {db, date, screenshot, compare, select, arabic, basemap, play, frameTimes, quitAfter, audit, verifiedOnly});
        parser.addPositionalArgument(QStringLiteral("file"), "Database to open (the same as --db).", "[FILE]");
    }
};

std::optional<frontline::Date> dateOption(const QCommandLineParser &parser, const QCommandLineOption &option)
{
    auto day = frontline::Date::parse(parser.value(option).toStdString());
    if (!day)
        std::cerr << "frontline: invalid --" << option.names().front().toStdString() << " \""
                  << parser.value(option).toStdString() << "\" (expected YYYY-MM-DD)\n";
    return day;
}

//! Puts the viewer on the day, comparison, selection and basemap asked for; false, said, if one is wrong.
bool applyOptions(Viewer &viewer, const QCommandLineParser &parser, const ViewerOptions &o)
{
    if (parser.isSet(o.date)) {
        auto day = dateOption(parser, o.date);
        if (!day)
            return false;
        viewer.day.setDate(*day);
    }
    if (parser.isSet(o.compare)) {
        auto day = dateOption(parser, o.compare);
        if (!day)
            return false;
        viewer.compare.setCompareDay(viewer.dataset->first().daysTo(*day));
    }
    if ((parser.isSet(o.select) && !viewer.selection.selectByNames(parser.values(o.select)))
        || (parser.isSet(o.basemap) && !viewer.basemap.openFile(QUrl::fromLocalFile(parser.value(o.basemap))))) {
        std::cerr << "frontline: " << viewer.notices->last().toStdString() << '\n';
        return false;
    }
    if (parser.isSet(o.audit))
        viewer.audit.run();
    const int playSpeed = parser.value(o.play).toInt();
    if (parser.isSet(o.play) && (playSpeed < 1 || playSpeed > 60)) {
        std::cerr << "frontline: --play takes 1 to 60 days a second\n";
        return false;
    }
    return true;
}

//! What QML starts with: the viewer's objects and how the window opens.
QVariantMap windowProperties(Viewer &viewer, const QCommandLineParser &parser, const ViewerOptions &o)
{
    // A fresh start resumes where the user left off; a scripted one (--date, --screenshot, --play...) does not.
    const bool restore = !parser.isSet(o.date) && !parser.isSet(o.screenshot) && !parser.isSet(o.compare)
        && !parser.isSet(o.select) && !parser.isSet(o.play) && !parser.isSet(o.quitAfter);
    QVariantMap properties = viewer.qmlProperties();
    properties.insert({{"auditShown", parser.isSet(o.audit)}, {"restoreState", restore}, {"arabicLabels", parser.isSet(o.arabic)},
        {"playSpeed", parser.value(o.play).toInt()}});
    return properties;
}

//! A scripted run's timers on the window: the frame log, the close after --quit-after, the screenshot.
bool scriptWindow(QQuickWindow *window, Viewer &viewer, const QCommandLineParser &parser, const ViewerOptions &o)
{
    if (parser.isSet(o.frameTimes))
        new FrameLog(window, [&viewer] { return viewer.day.day(); }, parser.value(o.frameTimes)); // owned by the window
    if (parser.isSet(o.quitAfter)) {
        bool ok = false;
        const double seconds = parser.value(o.quitAfter).toDouble(&ok);
        if (!ok || seconds <= 0) {
            std::cerr << "frontline: --quit-after takes a number of seconds\n";
            return false;
        }
        QTimer::singleShot(int(seconds * 1000), window, &QQuickWindow::close);
    }
    if (parser.isSet(o.screenshot)) { // once everything is drawn (a minute at most), and a moment for the panels
        auto *poll = new QTimer(window);
        QElapsedTimer shown;
        shown.start();
        QObject::connect(poll, &QTimer::timeout, window, [window, shown, file = parser.value(o.screenshot)] {
            if (shown.elapsed() >= 1500 && (window->property("screenshotReady").toBool() || shown.elapsed() > 60'000))
                QCoreApplication::exit(window->grabWindow().save(file) ? 0 : 1);
        });
        poll->start(100);
    }
    return true;
}

} // namespace

int main(int argc, char **argv)
{
    if (isCommand(argc, argv))
        return runCommand(argc, argv);

    QGuiApplication app(argc, argv);
    app.setApplicationName("Frontline");
    app.setOrganizationName("Frontline");
    app.setWindowIcon(QIcon(QStringLiteral(":/icons/frontline.svg")));
    QCommandLineParser parser;
    const ViewerOptions options(parser);
    parser.process(app);
    const QStringList files = parser.positionalArguments();
    if (files.size() > 1) {
        std::cerr << "frontline: the viewer opens one database at a time\n";
        return 2;
    }
    const QString database = files.isEmpty() ? parser.value(options.db) : files.front();

    auto tiles = std::make_unique<TileSource>(); // handed to the engine, which outlives nothing the viewer needs
    auto opened =
        Viewer::open(database.toStdString(), MapDay::Renderer::Automatic, tiles.get(), parser.isSet(options.verifiedOnly));
    if (!opened) {
        std::cerr << "frontline: " << opened.error().message << '\n';
        return 1;
    }
    Viewer &viewer = **opened;
    if (!applyOptions(viewer, parser, options))
        return 2;
    QQuickWindow::setTextRenderType(QQuickWindow::NativeTextRendering);
    QQmlApplicationEngine engine; // after the viewer, so destroyed before it
    engine.addImageProvider(QStringLiteral("basemap"), tiles.release());
    engine.setInitialProperties(windowProperties(viewer, parser, options));
    QObject::connect(
        &engine, &QQmlApplicationEngine::objectCreationFailed, &app, [] { QCoreApplication::exit(1); }, Qt::QueuedConnection);
    engine.loadFromModule("Frontline", "Main");
    if (engine.rootObjects().isEmpty())
        return 1;
    if (!scriptWindow(qobject_cast<QQuickWindow *>(engine.rootObjects().first()), viewer, parser, options))
        return 2;
    return app.exec();
}
