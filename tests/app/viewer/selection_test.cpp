// SPDX-License-Identifier: MIT
#include "app/suites.h"
#include "app/viewer/viewer_tests.h"
#include "app/viewertesting.h"

#include "record/recorder.h"

#include <QAbstractItemModelTester>
#include <QTemporaryDir>

#include <QSignalSpy>
#include <algorithm>
#include <ranges>

using namespace viewertest;
using frontline::Date;

void SelectionTest::showsHistoryWithEvidence()
{
    auto viewer = bundled();
    Selection &selection = viewer->selection;
    QAbstractItemModelTester tester(selection.history(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    viewer->day.setDate(Date(2016, 11, 29));
    selection.select("110"); // ash-Sheikh Fares
    QCOMPARE(selection.name(), "ash-Sheikh Fares");
    QVERIFY(selection.holder().contains("Kurdish"));
    QCOMPARE(selection.since(), "2016-11-28");
    const auto &changes = selection.history()->rows();
    QVERIFY(changes.size() >= 2);
    QAbstractItemModelTester evidenceTester(changes[1].evidence, QAbstractItemModelTester::FailureReportingMode::QtTest);
    const QVariantList stances = column(*changes[1].evidence, EvidenceModel::StanceRole);
    QVERIFY(stances.contains(int(EvidenceModel::Supports)));
    QVERIFY(stances.contains(int(EvidenceModel::Disputes)));
    QCOMPARE(changes[1].supports + changes[1].disputes + changes[1].context + changes[1].infers, stances.size());
    QVERIFY(changes[1].disputes >= 1);
    QCOMPARE(selection.outline()->rowCount(), 1); // one part

    selection.select("al-Besel-no-such-id");
    QCOMPARE(selection.districtId(), "");
    QCOMPARE(selection.history()->rowCount(), 0);
}

void SelectionTest::followsTheDay()
{
    auto viewer = bundled();
    Selection &selection = viewer->selection;
    QVERIFY(selection.selectByName("al-Besel"));
    QSignalSpy holder(&selection, &Selection::holderChanged);
    viewer->day.setDate(Date(2016, 12, 4));
    QCOMPARE(holder.count(), 1);
    QVERIFY2(selection.holder().startsWith("Held by Government"), qPrintable(selection.holder()));
    const auto &rows = selection.history()->rows();
    const auto inferred = std::ranges::find_if(rows, &HistoryModel::Row::inferred);
    QVERIFY(inferred != rows.end());
    QCOMPARE(inferred->inferredFrom, "Inferred from SOHR, 2016-12-03");
    viewer->day.setDate(Date(2016, 11, 20));
    QVERIFY(std::ranges::find_if(rows, &HistoryModel::Row::future) != rows.end()); // later changes, greyed
    QVERIFY(!selection.selectByName("Tishreen")); // more than one district has that name
    QVERIFY(viewer->notices->last().contains("Tishreen"));
}

void SelectionTest::selectsTheDistrictUnderAPoint()
{
    auto viewer = bundled();
    viewer->selection.selectAt(viewer->selection.anchorOf("65"));
    QCOMPARE(viewer->selection.districtId(), "65");
    viewer->selection.selectAt(QGeoCoordinate(0, 0));
    QCOMPARE(viewer->selection.districtId(), "");
}

void SelectionTest::findsADistrictsNextAndPreviousChange()
{
    auto viewer = bundled();
    QVERIFY(viewer->selection.selectByName("Hanano"));
    viewer->day.setDate(Date(2016, 11, 15));
    QCOMPARE(viewer->selection.changeDay(-1), -1);
    viewer->day.setDay(viewer->selection.changeDay(1));
    QCOMPARE(viewer->day.dateText(), "2016-11-20");
    viewer->day.setDay(viewer->selection.changeDay(1));
    QCOMPARE(viewer->day.dateText(), "2016-11-21");
    viewer->day.setDay(viewer->selection.changeDay(-1));
    QCOMPARE(viewer->day.dateText(), "2016-11-20");
}

FRONTLINE_APP_SUITE(SelectionTest);

void SelectionTest::marksADraftWithItsAuthor()
{
    QTemporaryDir dir;
    const std::string path = dir.filePath("desk.frontline").toStdString();
    QVERIFY(frontline::Database::backUp(FRONTLINE_BUNDLED_DB, path));
    {
        auto db = frontline::Database::open(path, frontline::Database::Mode::ReadWrite);
        QVERIFY(db);
        frontline::Recording r{{"Hanano"}, Date(2016, 11, 30), {frontline::ControlState::Held, {"rebels"}}, "", {}};
        QVERIFY(frontline::Recorder(*db, "amira").record(r));
    }
    auto viewer = Viewer::open(path, MapDay::Renderer::Automatic);
    QVERIFY(viewer);
    (*viewer)->day.setDate(Date(2016, 11, 30));
    QVERIFY((*viewer)->selection.selectByName("Hanano"));
    const auto &rows = (*viewer)->selection.history()->rows();
    QVERIFY(!rows.empty());
    QCOMPARE(rows.back().review, "Draft, recorded by amira: not yet verified");
    QVERIFY(std::ranges::all_of(rows | std::views::take(rows.size() - 1), [](const auto &row) { return row.review.isEmpty(); }));
}
