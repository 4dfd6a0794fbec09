// SPDX-License-Identifier: MIT
#include "app/suites.h"
#include "app/viewer/viewer_tests.h"
#include "app/viewertesting.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>

using namespace viewertest;

namespace {
//! Waits as long as this machine takes for the totals; a hang is ctest's timeout to catch.
bool waitForTotals(TotalsModel &totals)
{
    QSignalSpy ready(&totals, &TotalsModel::readyChanged);
    while (!totals.ready())
        if (!ready.wait(60'000) && !totals.ready())
            return false;
    return true;
}
} // namespace

void TotalsModelTest::countsEveryDistrictEveryDay()
{
    auto viewer = bundled();
    TotalsModel &totals = viewer->totals;
    QAbstractItemModelTester tester(&totals, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QAbstractItemModelTester marks(totals.changeDays(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    QVERIFY(totals.ready()); // a small dataset is counted at once
    QCOMPARE(totals.rowCount(), int(viewer->dataset->factions().size()) + 1);
    for (int d = 0; d < viewer->dataset->dayCount(); ++d) {
        viewer->day.setDay(d);
        for (const auto &legend : viewer->day.legend()->rows()) { // the chart and the legend agree, day by day
            const auto row = std::ranges::find(totals.rows(), legend.id, &TotalsModel::Row::holder);
            QVERIFY(row != totals.rows().end());
            QCOMPARE(row->counts.size(), viewer->dataset->dayCount());
            QCOMPARE(row->counts[d].toInt(), legend.districts);
        }
    }
    const auto &days = totals.changeDays()->rows();
    QCOMPARE(days.front().day, 0);
    QCOMPARE(days[1].day, 5); // 20 Nov
}

void TotalsModelTest::countsALargeWarInTheBackground()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("war.db"));
    QVERIFY(generateWar(path, 3));
    auto viewer = Viewer::open(path.toStdString(), MapDay::Renderer::Batched); // a large war's renderer: no items to redraw
    QVERIFY(viewer);
    TotalsModel &totals = (*viewer)->totals;
    QVERIFY(!totals.ready()); // the map opens first: the count arrives through the event loop
    QVERIFY(waitForTotals(totals));
    QCOMPARE(totals.rowCount(), 3 + 1);
    for (int day = 0; day < (*viewer)->dataset->dayCount(); ++day) {
        (*viewer)->day.setDay(day);
        for (const auto &legend : (*viewer)->day.legend()->rows()) { // what the thread counted is the legend's
            const auto row = std::ranges::find(totals.rows(), legend.id, &TotalsModel::Row::holder);
            QVERIFY(row != totals.rows().end());
            QCOMPARE(row->counts[day].toInt(), legend.districts);
        }
    }
}

FRONTLINE_APP_SUITE(TotalsModelTest);
