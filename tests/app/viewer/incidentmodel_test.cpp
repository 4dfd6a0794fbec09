// SPDX-License-Identifier: MIT
#include "app/suites.h"
#include "app/viewer/viewer_tests.h"
#include "app/viewertesting.h"

#include <QAbstractItemModelTester>

using namespace viewertest;

void IncidentModelTest::showsTheDaysIncidents()
{
    auto viewer = bundled();
    IncidentModel &incidents = viewer->incidents;
    QAbstractItemModelTester tester(&incidents, QAbstractItemModelTester::FailureReportingMode::QtTest);
    viewer->day.setDate(frontline::Date(2016, 11, 30));
    QVERIFY(incidents.rowCount() > 0);
    const QModelIndex first = incidents.index(0);
    QVERIFY(incidents.data(first, IncidentModel::LocatedRole).toBool());
    QVERIFY(incidents.data(first, IncidentModel::CoordinateRole).value<QGeoCoordinate>().isValid());
    auto *evidence = incidents.data(first, IncidentModel::EvidenceRole).value<EvidenceModel *>();
    QVERIFY(evidence && evidence->rowCount() > 0);
    QVERIFY(!evidence->data(evidence->index(0), EvidenceModel::PublisherRole).toString().isEmpty());
    viewer->day.setDate(frontline::Date(2016, 11, 16));
    QCOMPARE(incidents.rowCount(), 0);
}

FRONTLINE_APP_SUITE(IncidentModelTest);
