// SPDX-License-Identifier: MIT
#include "viewer_tests.h"
#include "viewertesting.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>

using namespace viewertest;

void CompareModelTest::comparesTwoDays()
{
    auto viewer = bundled();
    CompareModel &compare = viewer->compare;
    QAbstractItemModelTester tester(&compare, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy changed(&compare, &CompareModel::countChanged);
    compare.setCompareDay(0); // 15 Nov
    QCOMPARE(compare.compareDateText(), "2016-11-15");
    QCOMPARE(compare.rowCount(), 0); // the same day
    viewer->day.setDate(frontline::Date(2016, 12, 22));
    QVERIFY(changed.count() >= 2);
    const QVariantList ids = column(compare, CompareModel::DistrictIdRole);
    QVERIFY(ids.contains("65")); // Hanano: rebels -> government
    QVERIFY(!ids.contains("39")); // ash-Sheikh Maqsoud: Kurdish throughout
    const auto hanano = std::ranges::find(compare.rows(), QString("65"), &CompareModel::Row::districtId);
    QCOMPARE(hanano->after, "Government and allies");
    QCOMPARE(compare.changedCount(), ids.size());
    QCOMPARE(column(*viewer->day.districts(), DistrictModel::ComparedRole).count(QVariant(true)), ids.size());
    compare.setCompareDay(-1);
    QCOMPARE(compare.rowCount(), 0);
    QCOMPARE(column(*viewer->day.districts(), DistrictModel::ComparedRole).count(QVariant(true)), 0);
}
