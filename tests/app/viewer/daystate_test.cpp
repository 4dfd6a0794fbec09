// SPDX-License-Identifier: MIT
#include "app/suites.h"
#include "app/viewer/viewer_tests.h"
#include "app/viewertesting.h"

#include "map/mapstyle.h"
#include "text/naturalorder.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>

#include <algorithm>
#include <set>

using namespace viewertest;
using frontline::Date;

void DayStateTest::stepsAndClampsDays()
{
    auto viewer = bundled();
    DayState &day = viewer->day;
    QSignalSpy changed(&day, &DayState::dayChanged);
    day.stepDays(1);
    QCOMPARE(day.dateText(), "2016-11-16");
    day.stepDays(-5);
    QCOMPARE(day.dateText(), "2016-11-15");
    day.setDay(1000);
    QCOMPARE(day.dateText(), "2016-12-22");
    QCOMPARE(day.day(), 37);
    QCOMPARE(changed.count(), 3);
}

void DayStateTest::answersADateAfterTheDataAndRefusesOneBefore()
{
    auto viewer = bundled();
    DayState &day = viewer->day;
    QVERIFY(day.dataEndNote().isEmpty());
    QVERIFY(day.goToDate("2026-08-22"));
    QCOMPARE(day.dateText(), "2026-08-22"); // the date asked, not the last day
    QCOMPARE(day.dataEndNote(), "Data end on 2016-12-22: nothing recorded since");
    const auto after = day.legend()->rows();
    day.setDate(Date(2016, 12, 22));
    QVERIFY(day.legend()->rows() == after); // the last day's state
    QVERIFY(day.dataEndNote().isEmpty());
    QVERIFY(!day.goToDate("2016-01-01"));
    QCOMPARE(viewer->notices->last(), "2016-01-01 is before the data, which cover 2016-11-15 to 2016-12-22");
    QVERIFY(!day.goToDate("2016-02-30"));
    QCOMPARE(day.dateText(), "2016-12-22");
}

void DayStateTest::ringsNothingOnTheFirstDay()
{
    auto viewer = bundled();
    auto ringed = [&] { return column(*items(viewer->day).districts(), DistrictModel::ChangedTodayRole).count(QVariant(true)); };
    QCOMPARE(viewer->day.dateText(), "2016-11-15");
    QCOMPARE(ringed(), 0); // the initial state, not a change of hands
    viewer->day.setDate(Date(2016, 11, 28));
    QVERIFY(ringed() > 0);
}

void DayStateTest::jumpsBetweenDaysWithChanges()
{
    auto viewer = bundled();
    viewer->day.jumpToChange(1);
    QCOMPARE(viewer->day.dateText(), "2016-11-20"); // nothing changed hands from 16 to 19 Nov
    viewer->day.jumpToChange(-1);
    QCOMPARE(viewer->day.dateText(), "2016-11-15");
    viewer->day.jumpToChange(-1);
    QCOMPARE(viewer->day.dateText(), "2016-11-15"); // nothing before the first day
}

void DayStateTest::colourChangesWhenADistrictChangesHands()
{
    auto viewer = bundled();
    viewer->day.setDate(Date(2016, 11, 26));
    const QColor before = fillOf(viewer->day, "29"); // as-Sakhour: rebel-held
    viewer->day.setDate(Date(2016, 11, 28));
    const QColor after = fillOf(viewer->day, "29"); // government
    QCOMPARE(before.rgb(), QColor("#009E73").rgb());
    QCOMPARE(after.rgb(), QColor("#D55E00").rgb());
}

void DayStateTest::listsTheDaysChangesByName()
{
    auto viewer = bundled();
    QAbstractItemModelTester tester(viewer->day.dayChanges(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    viewer->day.setDate(Date(2016, 11, 28));
    QStringList names;
    for (const auto &c : viewer->day.dayChanges()->rows()) {
        names << c.name;
        QVERIFY2(c.summary.startsWith("held by ") || c.summary.startsWith("contested: "), qPrintable(c.summary));
        QVERIFY2(QStringList({"high", "medium", "low"}).contains(c.confidence), qPrintable(c.confidence));
    }
    QVERIFY(names.contains("as-Sakhour"));
    QVERIFY(names.contains("ash-Sheikh Fares"));
    QCOMPARE(viewer->day.dayChangeCount(), names.size());
    // By name in natural order ("District 2" before "District 10"), whatever order the changes were made in.
    QVERIFY(std::ranges::is_sorted(names,
        [](const QString &a, const QString &b) { return frontline::naturalCompare(a.toStdString(), b.toStdString()) < 0; }));
    viewer->day.setDate(Date(2016, 12, 7));
    QVERIFY(
        std::ranges::any_of(viewer->day.dayChanges()->rows(), [](const auto &c) { return c.summary.endsWith(", inferred"); }));
}

// The day list, the fills, the stripes and the rings all come from the control cursor; every day, stepping
// forward and jumping back, they must say what SQL says of that day.
void DayStateTest::drawsEveryDayFromTheCursorAsSqlSeesIt()
{
    auto viewer = bundled();
    DayState &day = viewer->day;
    const auto &queries = viewer->dataset->queries();
    const auto &colours = viewer->dataset->colours();
    auto check = [&] {
        auto states = queries.stateAt(day.date());
        QVERIFY(states);
        auto *districts = items(day).districts();
        for (int row = 0; row < districts->rowCount(); ++row) {
            const QString id = districts->data(districts->index(row), DistrictModel::DistrictIdRole).toString();
            auto state = std::ranges::find(*states, id.toStdString(), &frontline::DistrictState::districtId);
            QVERIFY(state != states->end());
            const auto &change = state->change;
            const QColor expected = change
                ? MapStyle::fill(change->state, change->confidence, colours.at(change->factions.front()))
                : MapStyle::kUnknown;
            QCOMPARE(districts->data(districts->index(row), DistrictModel::FillRole).value<QColor>(), expected);
            const bool ringed =
                day.date() != viewer->dataset->first() && change && change->date == day.date() && state->since == day.date();
            QCOMPARE(districts->data(districts->index(row), DistrictModel::ChangedTodayRole).toBool(), ringed);
        }
        auto changes = queries.changesOn(day.date());
        QVERIFY(changes);
        std::multiset<QString> listed, expected;
        for (const auto &c : day.dayChanges()->rows())
            listed.insert(c.districtId);
        for (const auto &c : *changes)
            expected.insert(QString::fromStdString(viewer->dataset->districtAtSlot(std::size_t(c.district - 1))->id));
        QCOMPARE(listed, expected);
        const auto striped = std::ranges::count_if(*states, [](const frontline::DistrictState &s) {
            return s.change && (s.change->state == frontline::ControlState::Contested || s.change->inferred);
        });
        QCOMPARE(striped > 0, items(day).hatches()->rowCount() > 0);
    };
    for (int d = 0; d < viewer->dataset->dayCount(); ++d) {
        day.setDay(d);
        check();
    }
    for (int d : {30, 3, 22, 0, 37}) {
        day.setDay(d);
        check();
    }
}

void DayStateTest::legendCountsTheDaysHolders()
{
    auto viewer = bundled();
    LegendModel &legend = *viewer->day.legend();
    QAbstractItemModelTester tester(&legend, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(legend.rowCount(), int(viewer->dataset->factions().size()) + 1);
    for (int d = 0; d < viewer->dataset->dayCount(); d += 5) {
        viewer->day.setDay(d);
        int districts = 0;
        for (const auto &row : legend.rows())
            districts += row.districts;
        int known = 0;
        auto states = viewer->dataset->queries().stateAt(viewer->day.date());
        QVERIFY(states);
        for (const auto &s : *states)
            known += s.change ? 1 : 0;
        QCOMPARE(districts, known);
    }
    QCOMPARE(legend.rows().back().id, "contested");
    QVERIFY(legend.rows().back().stripes.isValid()); // drawn as the map draws a contest
}

// The item renderer's front line and stripes, as QML's MapPolylines read them: the front line of the cursor's
// state is the one the core traces from SQL's, drawn in the style's colour; stripes are a side's or inferred white.
void DayStateTest::tracesTheFrontLineAsTheCoreDoes()
{
    auto viewer = bundled(MapDay::Renderer::Items);
    DayState &day = viewer->day;
    QAbstractItemModelTester front(items(day).frontLine(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    QAbstractItemModelTester hatches(items(day).hatches(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    std::set<QRgb> sides{MapStyle::kInferredStripes.rgba()};
    for (const auto &[id, colour] : viewer->dataset->colours())
        sides.insert(colour.rgba());
    int drawn = 0;
    for (int d : {0, 5, 13, 16, 22, 30, 37}) {
        day.setDay(d);
        auto lines = viewer->dataset->queries().frontLine(day.date());
        QVERIFY(lines);
        QCOMPARE(items(day).frontLine()->rowCount(), int(lines->size()));
        for (const auto &row : items(day).frontLine()->rows()) {
            QCOMPARE(row.colour, MapStyle::kFront);
            QVERIFY(row.path.size() >= 2);
        }
        for (const auto &row : items(day).hatches()->rows())
            QVERIFY2(sides.contains(row.colour.rgba()), qPrintable(row.colour.name(QColor::HexArgb)));
        drawn += items(day).frontLine()->rowCount();
    }
    QVERIFY(drawn > 0); // the record has a front line on most of these days
}

FRONTLINE_APP_SUITE(DayStateTest);
