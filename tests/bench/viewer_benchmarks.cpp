// SPDX-License-Identifier: MIT
// Frame times of the map while it steps through days, pans and zooms, for one way of drawing districts:
//   items    one Qt Location MapPolygon per district through a MapItemView (the obvious approach)
//   batched  Frontline's DistrictLayer (one scene-graph layer)
//   none     the map alone, without districts: the cost of any frame on this machine, a baseline
// Each frame is timed three ways: by the clock from the change to the frame being swapped, by the scene
// graph's own render-loop timing (qt.scenegraph.time.renderloop), and the change alone (the work on the GUI
// thread before any frame: for a step, the cursor, the day's list and the layer's repaint). Prints one CSV
// line per measurement.
// Run by tests/bench/run.sh; works offscreen (software scene graph) and under Xvfb (OpenGL).
#include "map/itemscene.h"
#include "viewer/viewer.h"

#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QGuiApplication>
#include <QLoggingCategory>
#include <QQmlComponent>
#include <QQmlEngine>
#include <QQuickItem>
#include <QQuickView>
#include <QRegularExpression>

#include <QtQml/QQmlExtensionPlugin>

#include <algorithm>
#include <cmath>
#include <format>
#include <iostream>
#include <mutex>

Q_IMPORT_QML_PLUGIN(FrontlinePlugin)

namespace {
QElapsedTimer g_clock; // started first thing in main: "open" is measured from the program's start
std::vector<double> g_renderLoopMs; // what the scene graph reported for each frame
std::mutex g_renderLoopMutex;

void collectRenderLoopTiming(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    static const QRegularExpression frame(QStringLiteral("[Ff]rame (?:rendered|prepared).* in (\\d+(?:\\.\\d+)?)\\s*ms"));
    if (QString(context.category ? context.category : "").startsWith(QStringLiteral("qt.scenegraph.time"))) {
        if (auto m = frame.match(message); m.hasMatch()) {
            const std::scoped_lock lock(g_renderLoopMutex); // the threaded render loop reports from its own thread
            g_renderLoopMs.push_back(m.captured(1).toDouble());
        }
        return;
    }
    if (type != QtDebugMsg)
        std::cerr << qPrintable(message) << '\n';
}

const char *kScene = R"(
import QtQuick
import QtLocation
import Frontline
Item {
    id: scene
    required property Dataset dataset
    required property DayState day
    required property bool batched
    required property bool bare
    property alias map: map
    property alias districtLayer: districtLayer
    property int drawn: 0
    function fit() { map.fitViewportToGeoShape(dataset.bounds, 0) }
    Map {
        id: map
        anchors.fill: parent
        plugin: Plugin { name: "itemsoverlay" }
        color: "#e8ecef"
        MapItemView {
            model: batched ? null : day.map.items.districts
            delegate: MapPolygon {
                required property var outline
                required property color fillColor
                Component.onCompleted: scene.drawn++
                path: outline
                color: fillColor
                border.color: "white"
                border.width: 1
            }
        }
    }
    DistrictLayer {
        id: districtLayer
        anchors.fill: map
        visible: batched && !bare
        backdrop: map.color // as in the viewer with no basemap: drawn opaque
        day: batched && !bare ? scene.day.map : null
        center: map.center
        zoomLevel: map.zoomLevel
    }
}
)";

struct Percentiles {
    double p50 = 0, p99 = 0, max = 0;
};

Percentiles percentiles(std::vector<double> ms)
{
    if (ms.empty())
        return {};
    std::ranges::sort(ms);
    auto at = [&](double q) { return ms[std::min(ms.size() - 1, std::size_t(q * double(ms.size())))]; };
    return {at(0.5), at(0.99), ms.back()};
}

struct FrameTime {
    double changeMs = 0; //!< applying the change, on the GUI thread, before any frame
    double wallMs = 0; //!< from the change to the frame that shows it
};

//! Applies `change`, then waits for the frame that shows it.
template <typename F>
FrameTime frameAfter(QQuickView &view, F &&change)
{
    bool swapped = false;
    auto connection = QObject::connect(&view, &QQuickWindow::frameSwapped, [&] { swapped = true; });
    QElapsedTimer timer;
    timer.start();
    change();
    const double changeMs = double(timer.nsecsElapsed()) / 1e6;
    view.update();
    while (!swapped && timer.elapsed() < 60'000)
        QCoreApplication::processEvents(QEventLoop::AllEvents | QEventLoop::WaitForMoreEvents, 5);
    QObject::disconnect(connection);
    return {changeMs, double(timer.nsecsElapsed()) / 1e6};
}
} // namespace

int main(int argc, char **argv)
{
    g_clock.start();
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QLoggingCategory::setFilterRules(QStringLiteral("qt.scenegraph.time.renderloop.debug=true"));
    qInstallMessageHandler(collectRenderLoopTiming);
    QGuiApplication app(argc, argv);
    QCommandLineParser parser;
    const QCommandLineOption db(QStringLiteral("db"), QStringLiteral("database"), QStringLiteral("FILE"));
    const QCommandLineOption renderer(QStringLiteral("renderer"),
        QStringLiteral("items, batched, or none (the map alone: a baseline frame)"), QStringLiteral("KIND"),
        QStringLiteral("batched"));
    const QCommandLineOption steps(
        QStringLiteral("steps"), QStringLiteral("frames per measurement"), QStringLiteral("N"), QStringLiteral("120"));
    parser.addOptions({db, renderer, steps});
    parser.addHelpOption();
    parser.process(app);
    const bool batched = parser.value(renderer) != QStringLiteral("items");
    const bool bare = parser.value(renderer) == QStringLiteral("none");
    const int frames = parser.value(steps).toInt();

    auto opened = Viewer::open(parser.value(db).toStdString(), batched ? MapDay::Renderer::Batched : MapDay::Renderer::Items);
    if (!opened) {
        std::cerr << opened.error().message << '\n';
        return 1;
    }
    Viewer &viewer = **opened;
    QQuickView view;
    view.resize(1600, 1000);
    QQmlComponent scene(view.engine());
    scene.setData(kScene, QUrl::fromLocalFile(QStringLiteral("/frontline-benchmark/Scene.qml")));
    QObject *root = scene.createWithInitialProperties({{"dataset", QVariant::fromValue(viewer.dataset.get())},
        {"day", QVariant::fromValue(&viewer.day)}, {"batched", batched}, {"bare", bare}});
    if (!root) {
        for (const auto &e : scene.errors())
            std::cerr << qPrintable(e.toString()) << '\n';
        return 1;
    }
    auto *item = qobject_cast<QQuickItem *>(root);
    item->setParentItem(view.contentItem());
    item->setSize(QSizeF(1600, 1000));
    auto *map = root->property("map").value<QObject *>();
    // Fit once the map has its size: the whole dataset fills the window, as the viewer opens it.
    QMetaObject::invokeMethod(root, "fit");
    view.show();
    // Open: until the map shows every district (items are created over several frames; the layer draws
    // once the fitted view has settled).
    const int parts = batched ? 0 : viewer.day.map()->items()->districts()->rowCount();
    auto *layer = root->property("districtLayer").value<QObject *>();
    while (g_clock.elapsed() < 600'000) {
        frameAfter(view, [] { });
        const bool drawn = batched ? bare || layer->property("settled").toBool() : root->property("drawn").toInt() >= parts;
        if (drawn)
            break;
    }
    const double openMs = double(g_clock.nsecsElapsed()) / 1e6;
    for (int i = 0; i < 5; ++i)
        frameAfter(view, [] { }); // settle

    auto measure = [&](const char *what, auto &&change) {
        {
            const std::scoped_lock lock(g_renderLoopMutex);
            g_renderLoopMs.clear();
        }
        std::vector<double> wall, work;
        for (int i = 0; i < frames; ++i) {
            const FrameTime t = frameAfter(view, [&] { change(i); });
            wall.push_back(t.wallMs);
            work.push_back(t.changeMs);
        }
        const std::scoped_lock lock(g_renderLoopMutex);
        const auto w = percentiles(wall), sg = percentiles(g_renderLoopMs), c = percentiles(work);
        std::cout << std::format("{},{},{},{:.2f},{:.2f},{:.2f},{:.2f},{:.2f},{:.2f}\n",
            bare          ? "none"
                : batched ? "batched"
                          : "items",
            what, viewer.dataset->districts().size(), w.p50, w.p99, w.max, sg.p50, sg.p99, c.p50);
    };
    std::cout << "renderer,measurement,districts,wall_p50_ms,wall_p99_ms,wall_max_ms,scenegraph_p50_ms,scenegraph_p99_ms,change_"
                 "p50_ms\n";
    std::cout << std::format("{},open,{},{:.0f},,,,,\n",
        bare          ? "none"
            : batched ? "batched"
                      : "items",
        viewer.dataset->districts().size(), openMs);
    const int start = viewer.dataset->dayCount() / 3;
    viewer.day.setDay(start);
    frameAfter(view, [] { });
    measure("step", [&](int i) { viewer.day.setDay(start + i + 1); });
    measure("pan", [&](int i) { QMetaObject::invokeMethod(map, "pan", Q_ARG(int, i % 40 < 20 ? 6 : -6), Q_ARG(int, 3)); });
    const double zoom = map->property("zoomLevel").toDouble();
    measure("zoom", [&](int i) { map->setProperty("zoomLevel", zoom + 1.5 * std::sin(i / 10.0)); });
    return 0;
}
