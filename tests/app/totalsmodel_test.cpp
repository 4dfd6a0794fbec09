// SPDX-License-Identifier: MIT
#include "viewer_tests.h"
#include "viewertesting.h"

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
    QVERIFY(waitForTotals(totals));
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

void TotalsModelTest::countsInTheBackgroundAndAgainAfterAReload()
{
    auto viewer = bundled();
    TotalsModel &totals = viewer->totals;
    QVERIFY(!totals.ready()); // the map opens first: the count arrives through the event loop
    QVERIFY(waitForTotals(totals));
    const auto counted = totals.rows();
    QVERIFY(viewer->dataset->openDatabase(QUrl::fromLocalFile(viewer->dataset->databasePath())));
    QVERIFY(!totals.ready()); // counting again, for the file now open
    QVERIFY(waitForTotals(totals));
    QCOMPARE(totals.rows().size(), counted.size());
    for (std::size_t row = 0; row < counted.size(); ++row)
        QCOMPARE(totals.rows()[row].counts, counted[row].counts);
}
