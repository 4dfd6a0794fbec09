// SPDX-License-Identifier: MIT
#include "viewer_tests.h"
#include "viewertesting.h"

#include <QSignalSpy>
#include <QTemporaryDir>

using namespace viewertest;

void DatasetTest::opensTheBundledDataset()
{
    auto viewer = bundled();
    const Dataset &dataset = *viewer->dataset;
    QCOMPARE(dataset.districtCount(), 133);
    QCOMPARE(dataset.firstDateText(), "2016-11-15");
    QCOMPARE(dataset.lastDateText(), "2016-12-22");
    QCOMPARE(dataset.dayCount(), 38);
    QVERIFY(dataset.bounds().isValid());
    QVERIFY(!dataset.batched());
    QCOMPARE(dataset.factionNames({"government", "nobody"}), QStringList({"Government and allies", "nobody"}));
    QVERIFY(dataset.district("65") && dataset.district("65")->name == "Hanano");
    QVERIFY(!dataset.district("no such district"));
}

void DatasetTest::refusesAMissingDatabase()
{
    auto dataset = Dataset::open("/nonexistent/frontline.db");
    QVERIFY(!dataset);
    QVERIFY(QString::fromStdString(dataset.error().message).contains("no such database"));
}

void DatasetTest::importsBoundariesIntoTheOpenDatabaseAndReloads()
{
    QTemporaryDir dir;
    const QString copy = dir.filePath("copy.frontline");
    QVERIFY(QFile::copy(FRONTLINE_BUNDLED_DB, copy));
    auto viewer = Viewer::open(copy.toStdString());
    QVERIFY(viewer);
    (*viewer)->day.setDate(frontline::Date(2016, 11, 29));
    (*viewer)->selection.select("65");
    QSignalSpy reloaded((*viewer)->dataset.get(), &Dataset::loaded);
    const QString summary = (*viewer)->dataset->importInto(
        "districts", QUrl::fromLocalFile(FRONTLINE_SHARED_DIR "/data/aleppo-neighborhoods.geojson"));
    QVERIFY2(summary.contains("replaced 133 districts"), qPrintable(summary + (*viewer)->dataset->errorString()));
    QCOMPARE(reloaded.count(), 1);
    QCOMPARE((*viewer)->day.dateText(), "2016-11-29"); // the day stays
    QCOMPARE((*viewer)->day.districts()->rowCount(), 136); // three districts have two parts
    QCOMPARE((*viewer)->selection.districtId(), ""); // a selection of the old districts is gone
}

void DatasetTest::keepsTheCurrentDatabaseWhenAnotherCannotBeOpened()
{
    auto viewer = bundled();
    QTemporaryDir dir;
    QFile junk(dir.filePath("junk.frontline"));
    QVERIFY(junk.open(QIODevice::WriteOnly));
    junk.write(QByteArray(4096, 'x'));
    junk.close();
    QSignalSpy failed(viewer->dataset.get(), &Dataset::errorStringChanged);
    QVERIFY(!viewer->dataset->openDatabase(QUrl::fromLocalFile(junk.fileName())));
    QCOMPARE(failed.count(), 1);
    QVERIFY(viewer->dataset->errorString().contains("junk.frontline"));
    QCOMPARE(viewer->dataset->databasePath(), QString(FRONTLINE_BUNDLED_DB));
    QCOMPARE(viewer->day.districts()->rowCount(), 133);
}
