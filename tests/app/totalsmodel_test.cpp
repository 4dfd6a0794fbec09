// SPDX-License-Identifier: MIT
#include "viewer_tests.h"
#include "viewertesting.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>

using namespace viewertest;

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

void TotalsModelTest::countsALargeDatasetInTheBackground()
{
    auto items = bundled(Dataset::Renderer::Items);
    auto batched = bundled(Dataset::Renderer::Batched); // drawn as a large dataset is: counted on a thread
    QSignalSpy ready(&batched->totals, &TotalsModel::readyChanged);
    while (!batched->totals.ready()) // as long as this machine takes; a hang is ctest's timeout to catch
        QVERIFY(ready.wait(60'000) || batched->totals.ready());
    QCOMPARE(batched->totals.rowCount(), items->totals.rowCount());
    for (int row = 0; row < items->totals.rowCount(); ++row)
        QCOMPARE(batched->totals.rows()[std::size_t(row)].counts, items->totals.rows()[std::size_t(row)].counts);
    QCOMPARE(batched->totals.changeDays()->rowCount(), items->totals.changeDays()->rowCount());
}
