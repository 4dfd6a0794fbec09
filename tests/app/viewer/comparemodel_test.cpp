// SPDX-License-Identifier: MIT
#include "app/suites.h"
#include "app/viewer/viewer_tests.h"
#include "app/viewertesting.h"

#include "storage/database.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTemporaryDir>

#include <filesystem>

using namespace viewertest;

void CompareModelTest::comparesTwoDays()
{
    auto viewer = bundled();
    CompareModel &compare = viewer->compare;
    QAbstractItemModelTester tester(&compare, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy changed(&compare, &CompareModel::compared);
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
    QCOMPARE(column(*items(viewer->day).districts(), DistrictModel::ComparedRole).count(QVariant(true)), ids.size());
    compare.setCompareDay(-1);
    QCOMPARE(compare.rowCount(), 0);
    QCOMPARE(column(*items(viewer->day).districts(), DistrictModel::ComparedRole).count(QVariant(true)), 0);
}

void CompareModelTest::saysWhyAComparedDayCannotBeRead()
{
    QTemporaryDir dir;
    const std::string path = dir.filePath("aleppo.frontline").toStdString();
    std::filesystem::copy_file(FRONTLINE_BUNDLED_DB, path);
    auto viewer = Viewer::open(path, MapDay::Renderer::Automatic);
    QVERIFY(viewer);
    CompareModel &compare = (*viewer)->compare;
    Notices &notices = *(*viewer)->notices;
    QSignalSpy error(&notices, &Notices::posted);
    // Another program breaks the file while it is open: the compared day's state can no longer be read.
    auto other = frontline::Database::open(path, frontline::Database::Mode::ReadWrite);
    QVERIFY(other);
    other->exec("DROP TABLE control_snapshots");
    compare.setCompareDay(3);
    QCOMPARE(error.count(), 1);
    QVERIFY2(notices.last().startsWith("Cannot compare with 2016-11-18: "), qPrintable(notices.last()));
    QVERIFY(notices.last().contains("control_snapshots"));
    QCOMPARE(compare.rowCount(), 0);
    compare.setCompareDay(-1); // not comparing reads nothing: no new notice
    QCOMPARE(error.count(), 1);
}

FRONTLINE_APP_SUITE(CompareModelTest);
