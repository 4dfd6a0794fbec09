// SPDX-License-Identifier: MIT
#include "app/suites.h"
#include "app/viewer/viewer_tests.h"
#include "app/viewertesting.h"

#include <QSignalSpy>
#include <QTemporaryDir>

using namespace viewertest;
using frontline::Date;

void MapExporterTest::creditsTheDatasetAndTheDaysSources()
{
    auto viewer = bundled();
    MapExporter &exporter = viewer->exporter;
    QVERIFY(exporter.attributionShown());
    QSignalSpy changed(&exporter, &MapExporter::attributionChanged);
    viewer->day.setDate(Date(2016, 12, 7));
    QCOMPARE(changed.count(), 1);
    const QString credit = exporter.attribution();
    QVERIFY2(
        credit.startsWith("East Aleppo, 15 November - 22 December 2016 · Notes and compilation: CC BY 4.0"), qPrintable(credit));
    QVERIFY2(credit.contains(" · Sources: ") && credit.contains("AFP"), qPrintable(credit));
    viewer->day.setDate(Date(2016, 11, 15));
    QVERIFY(exporter.attribution() != credit); // the day's own sources
    exporter.setAttributionShown(false);
    QVERIFY(!exporter.attributionShown());
}

void MapExporterTest::exportsTheTimelineAsAVideo()
{
    auto viewer = bundled();
    MapExporter &exporter = viewer->exporter;
    QTemporaryDir dir;
    QSignalSpy finished(&exporter, &MapExporter::exportFinished);
    exporter.setRendererProgram(FRONTLINE_EXECUTABLE);
    exporter.exportAnimation(QUrl::fromLocalFile(dir.filePath("timeline.gif")), 10);
    QVERIFY(exporter.exporting());
    while (finished.isEmpty()) // as long as it takes this machine; a hang is ctest's timeout to catch
        finished.wait(1000);
    QVERIFY(!exporter.exporting());
    QVERIFY2(finished.first().at(0).toBool(), qPrintable(finished.first().at(1).toString()));
    QFile gif(dir.filePath("timeline.gif"));
    QVERIFY(gif.open(QIODevice::ReadOnly));
    QCOMPARE(gif.read(6), QByteArray("GIF89a"));
}

void MapExporterTest::exportsTheViewAsSvg()
{
    auto viewer = bundled();
    MapExporter &exporter = viewer->exporter;
    viewer->day.setDate(Date(2016, 12, 1));
    QTemporaryDir dir;
    const auto centre = viewer->dataset->bounds().center();
    QVERIFY(exporter.exportSvg(QUrl::fromLocalFile(dir.filePath("map.svg")), centre, 12.5, QSize(1200, 800)));
    QFile file(dir.filePath("map.svg"));
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray svg = file.readAll();
    QVERIFY(svg.startsWith("<?xml"));
    QVERIFY(svg.contains("2016-12-01")); // the date is burned in
    QVERIFY(svg.count("<polyline") + svg.count("<path") > 133); // districts, hatching, front line as vectors
    QVERIFY(svg.contains("#d55e00") || svg.contains("#D55E00")); // the government's colour
    QSignalSpy failed(viewer->notices.get(), &Notices::posted);
    QVERIFY(!exporter.exportSvg(QUrl::fromLocalFile("/nonexistent/folder/map.svg"), centre, 12.5, QSize(100, 100)));
    QCOMPARE(failed.count(), 1);
    QVERIFY(viewer->notices->last().contains("/nonexistent/folder/map.svg"));
}

FRONTLINE_APP_SUITE(MapExporterTest);
