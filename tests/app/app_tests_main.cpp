// SPDX-License-Identifier: MIT
// Runs the test class named on the command line (or all of them) in one QGuiApplication.
#include "captionband_test.h"
#include "claimsandaudit_test.h"
#include "daychangemodel_test.h"
#include "maprenderer_test.h"
#include "tilesource_test.h"
#include "untrustedtext_test.h"
#include "viewer_tests.h"

#include <QGuiApplication>
#include <QtQml/qqmlextensionplugin.h>
#include <QtTest>

Q_IMPORT_QML_PLUGIN(FrontlinePlugin)

int main(int argc, char **argv)
{
    QGuiApplication app(argc, argv);
    const QString only = argc > 1 ? QString::fromLocal8Bit(argv[1]) : QString();
    int failed = 0;
    DatasetTest dataset;
    DatasetRealDataTest realData;
    DayStateTest day;
    SelectionTest selection;
    CompareModelTest compare;
    SearchModelTest search;
    IncidentModelTest incidents;
    TotalsModelTest totals;
    MapExporterTest exporter;
    CaptionBandTest captions;
    ClaimsAndAuditTest claims;
    DayChangeModelTest dayChanges;
    MapRendererTest renderer;
    UntrustedTextTest untrusted;
    TileSourceTest tiles;
    for (QObject *test : std::initializer_list<QObject *>{&dataset, &realData, &day, &selection, &compare, &search, &incidents,
             &totals, &exporter, &captions, &claims, &dayChanges, &renderer, &untrusted, &tiles})
        if (only.isEmpty() || only == test->metaObject()->className())
            failed += QTest::qExec(test, QStringList{QString::fromLocal8Bit(argv[0])});
    return failed;
}
