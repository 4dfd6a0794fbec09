// SPDX-License-Identifier: MIT
#include "app/viewer/daychangemodel_test.h"
#include "app/suites.h"

#include "viewer/daychangemodel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QtTest>

namespace {
std::vector<DayChangeModel::Row> rows(const QStringList &names)
{
    std::vector<DayChangeModel::Row> out;
    for (const QString &name : names)
        out.push_back({"id-" + name, name, QStringLiteral("held by A"), QStringLiteral("high")});
    return out;
}

QStringList names(const DayChangeModel &model)
{
    QStringList out;
    for (int i = 0; i < model.rowCount(); ++i)
        out << model.data(model.index(i), DayChangeModel::NameRole).toString();
    return out;
}
} // namespace

//! Same number of rows: no reset (a list view would re-create every delegate), one changed range.
void DayChangeModelTest::aNewDayRewritesRowsInPlace()
{
    DayChangeModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setRows(rows({"a", "b", "c", "d"}));
    QSignalSpy resets(&model, &QAbstractItemModel::modelReset), changes(&model, &QAbstractItemModel::dataChanged),
        counts(&model, &DayChangeModel::countChanged);
    model.setRows(rows({"a", "x", "y", "d"}));
    QCOMPARE(names(model), QStringList({"a", "x", "y", "d"}));
    QCOMPARE(resets.count(), 0);
    QCOMPARE(counts.count(), 0);
    QCOMPARE(changes.count(), 1);
    QCOMPARE(changes[0][0].toModelIndex().row(), 1);
    QCOMPARE(changes[0][1].toModelIndex().row(), 2);
    model.setRows(rows({"a", "x", "y", "d"}));
    QCOMPARE(changes.count(), 1); // the same day again: nothing to redraw
    QCOMPARE(model.data(model.index(1), DayChangeModel::DistrictIdRole).toString(), "id-x");
}

void DayChangeModelTest::fewerOrMoreRowsAddOrRemoveOnlyTheDifference()
{
    DayChangeModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted), removed(&model, &QAbstractItemModel::rowsRemoved),
        counts(&model, &DayChangeModel::countChanged);
    model.setRows(rows({"a", "b", "c"}));
    QCOMPARE(inserted.count(), 1);
    model.setRows(rows({"z"}));
    QCOMPARE(names(model), QStringList({"z"}));
    QCOMPARE(removed.count(), 1);
    QCOMPARE(removed[0][1].toInt(), 1);
    QCOMPARE(removed[0][2].toInt(), 2);
    model.setRows(rows({"z", "y", "x", "w", "v"}));
    QCOMPARE(names(model), QStringList({"z", "y", "x", "w", "v"}));
    QCOMPARE(inserted.count(), 2);
    QCOMPARE(inserted[1][1].toInt(), 1);
    QCOMPARE(inserted[1][2].toInt(), 4);
    model.setRows({});
    QCOMPARE(model.rowCount(), 0);
    QCOMPARE(counts.count(), 4);
}

FRONTLINE_APP_SUITE(DayChangeModelTest);
