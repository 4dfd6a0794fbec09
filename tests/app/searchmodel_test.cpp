// SPDX-License-Identifier: MIT
#include "viewer_tests.h"
#include "viewertesting.h"

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
    QVERIFY(std::ranges::any_of(search.rows(), [](const auto &hit) { return hit.excerpt && hit.day >= 0; }));
    search.setQuery("\"unbalanced"); // not FTS syntax: searched as a phrase, no error
    search.setQuery("");
    QCOMPARE(search.rowCount(), 0);
}
