// SPDX-License-Identifier: MIT
#include "app/suites.h"
#include "app/viewer/viewer_tests.h"
#include "app/viewertesting.h"

#include <QAbstractItemModelTester>

using namespace viewertest;

void SearchModelTest::searchesNamesAndExcerpts()
{
    auto viewer = bundled();
    SearchModel &search = viewer->search;
    QAbstractItemModelTester tester(&search, QAbstractItemModelTester::FailureReportingMode::QtTest);
    search.setQuery("Sheikh Saeed");
    QVERIFY(search.rowCount() > 0);
    QCOMPARE(search.data(search.index(0), SearchModel::KindRole).toString(), "name");
    QVERIFY(std::ranges::any_of(search.rows(), [](const auto &hit) { return hit.kind == "excerpt" && hit.day >= 0; }));
    search.setQuery("artillery"); // an incident's report: its place and day, no district
    const auto incident = std::ranges::find(search.rows(), QStringLiteral("incident"), &SearchModel::Row::kind);
    QVERIFY(incident != search.rows().end());
    QCOMPARE(incident->name, "Jubb al-Qubbeh");
    QCOMPARE(incident->date, "2016-11-30");
    QCOMPARE(incident->districtId, "");
    search.setQuery("\"unbalanced"); // not FTS syntax: searched as a phrase, no error
    search.setQuery("");
    QCOMPARE(search.rowCount(), 0);
}

FRONTLINE_APP_SUITE(SearchModelTest);
