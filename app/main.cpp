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

int main(int argc, char **argv)
{
    if (isCommand(argc, argv))
        return runCommand(argc, argv);

    QGuiApplication app(argc, argv);
    app.setApplicationName("Frontline");
    app.setOrganizationName("Frontline");
    app.setWindowIcon(QIcon(QStringLiteral(":/icons/frontline.svg")));
    QCommandLineParser parser;
    parser.setApplicationDescription("Offline viewer for the history of front lines. Commands: frontline help");
    parser.addHelpOption();
    const QCommandLineOption db(QStringLiteral("db"), "Database to open (default: the bundled dataset).", "FILE",
        QString::fromStdString(bundledDatabase().string()));
    const QCommandLineOption date(QStringLiteral("date"), "Day to open on.", "YYYY-MM-DD");
    const QCommandLineOption screenshot(QStringLiteral("screenshot"), "Save the window to FILE once shown, then quit.", "FILE");
    const QCommandLineOption compare(
        QStringLiteral("compare"), "Compare with this day (outline what changed hands).", "YYYY-MM-DD");
    const QCommandLineOption select(QStringLiteral("select"), "Select a district (id or name).", "DISTRICT");
    const QCommandLineOption arabic(QStringLiteral("arabic"), "Label districts in Arabic.");
    const QCommandLineOption basemap(
        QStringLiteral("basemap"), "Offline basemap: an MBTiles file or a z/x/y tile folder.", "PATH");
    const QCommandLineOption play(QStringLiteral("play"), "Start playing at N days a second (1 to 60).", "N");
    const QCommandLineOption frameTimes(QStringLiteral("frame-times"),
        "Record every frame's timing (wall and scene graph) and write it to FILE (CSV) on exit, with a summary.", "FILE");
    const QCommandLineOption quitAfter(
        QStringLiteral("quit-after"), "Close the window after SECONDS, as if by the user (scripted runs).", "SECONDS");
    const QCommandLineOption auditPanel(QStringLiteral("audit"), "Open the audit panel: the dataset's consistency checks.");
    parser.addOptions({db, date, screenshot, compare, select, arabic, basemap, play, frameTimes, quitAfter, auditPanel});
    parser.addPositionalArgument(QStringLiteral("file"), "Database to open (the same as --db).", "[FILE]");
    parser.process(app);
    const QStringList files = parser.positionalArguments();
    if (files.size() > 1) {
        std::cerr << "frontline: the viewer opens one database at a time\n";
        return 2;
    }
    const QString database = files.isEmpty() ? parser.value(db) : files.front();

    auto tiles = std::make_unique<TileSource>(); // handed to the engine, which outlives nothing the viewer needs
    auto opened = Viewer::open(database.toStdString(), MapDay::Renderer::Automatic, tiles.get());
    if (!opened) {
        std::cerr << "frontline: " << opened.error().message << '\n';
        return 1;
    }
    Viewer &viewer = **opened;
    auto parseDate = [&](const QCommandLineOption &option) -> std::optional<frontline::Date> {
        auto day = frontline::Date::parse(parser.value(option).toStdString());
        if (!day)
            std::cerr << "frontline: invalid --" << option.names().front().toStdString() << " \""
                      << parser.value(option).toStdString() << "\" (expected YYYY-MM-DD)\n";
        return day;
    };
    if (parser.isSet(date)) {
        auto day = parseDate(date);
        if (!day)
            return 2;
        viewer.day.setDate(*day);
    }
    if (parser.isSet(compare)) {
        auto day = parseDate(compare);
        if (!day)
            return 2;
        viewer.compare.setCompareDay(viewer.dataset->first().daysTo(*day));
    }
    if (parser.isSet(select) && !viewer.selection.selectByName(parser.value(select))) {
        std::cerr << "frontline: " << viewer.notices->last().toStdString() << '\n';
        return 2;
    }
    if (parser.isSet(auditPanel))
        viewer.audit.run();
    if (parser.isSet(basemap) && !viewer.basemap.openFile(QUrl::fromLocalFile(parser.value(basemap)))) {
        std::cerr << "frontline: " << viewer.notices->last().toStdString() << '\n';
        return 2;
    }
    const int playSpeed = parser.value(play).toInt();
    if (parser.isSet(play) && (playSpeed < 1 || playSpeed > 60)) {
        std::cerr << "frontline: --play takes 1 to 60 days a second\n";
        return 2;
    }
    // A fresh start resumes where the user left off; a scripted one (--date, --screenshot, --play...) does not.
    const bool restore = !parser.isSet(date) && !parser.isSet(screenshot) && !parser.isSet(compare) && !parser.isSet(select)
        && !parser.isSet(play) && !parser.isSet(quitAfter);
    QVariantMap properties = viewer.qmlProperties();
    properties.insert({{"auditShown", parser.isSet(auditPanel)}, {"restoreState", restore},
        {"arabicLabels", parser.isSet(arabic)}, {"playSpeed", playSpeed}});
    QQuickWindow::setTextRenderType(QQuickWindow::NativeTextRendering);
    QQmlApplicationEngine engine; // after the viewer, so destroyed before it
    engine.addImageProvider(QStringLiteral("basemap"), tiles.release());
    engine.setInitialProperties(properties);
    QObject::connect(
        &engine, &QQmlApplicationEngine::objectCreationFailed, &app, [] { QCoreApplication::exit(1); }, Qt::QueuedConnection);
    engine.loadFromModule("Frontline", "Main");
    if (engine.rootObjects().isEmpty())
        return 1;
    auto *window = qobject_cast<QQuickWindow *>(engine.rootObjects().first());
    if (parser.isSet(frameTimes))
        new FrameLog(window, [&viewer] { return viewer.day.day(); }, parser.value(frameTimes)); // owned by the window
    if (parser.isSet(quitAfter)) {
        bool ok = false;
        const double seconds = parser.value(quitAfter).toDouble(&ok);
        if (!ok || seconds <= 0) {
            std::cerr << "frontline: --quit-after takes a number of seconds\n";
            return 2;
        }
        QTimer::singleShot(int(seconds * 1000), window, &QQuickWindow::close);
    }
    if (parser.isSet(screenshot)) { // once everything is drawn (a minute at most), and a moment for the panels
        auto *poll = new QTimer(&app);
        QElapsedTimer shown;
        shown.start();
        QObject::connect(poll, &QTimer::timeout, &app, [window, shown, file = parser.value(screenshot)] {
            if (shown.elapsed() >= 1500 && (window->property("screenshotReady").toBool() || shown.elapsed() > 60'000))
                QCoreApplication::exit(window->grabWindow().save(file) ? 0 : 1);
        });
        poll->start(100);
    }
    return app.exec();
}
