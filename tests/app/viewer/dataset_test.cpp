// SPDX-License-Identifier: MIT
#include "app/suites.h"
#include "app/viewer/viewer_tests.h"
#include "app/viewertesting.h"

#include "common/shareddata.h"

#include <QDir>
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
    QVERIFY(viewer->day.map()->items()); // drawn by items: it has few districts
    QCOMPARE(dataset.factionNames({"government", "nobody"}), QStringList({"Government and allies", "nobody"}));
    QVERIFY(dataset.district("65") && dataset.district("65")->name == "Hanano");
    QVERIFY(!dataset.district("no such district"));
}

void DatasetTest::refusesAMissingDatabase()
{
    Notices notices;
    auto dataset = Dataset::open("/nonexistent/frontline.db", notices);
    QVERIFY(!dataset);
    QVERIFY(QString::fromStdString(dataset.error().message).contains("no such database"));
}

namespace {
QByteArray contents(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

//! A dataset folder of one change: Hanano retaken by the rebels on 23 December.
QString oneMoreChange(const QTemporaryDir &dir)
{
    QDir(dir.path()).mkdir("more");
    const std::map<QString, QByteArray> files{{"manifest.ini", "format = frontline-dataset-1\n"},
        {"factions.csv", "id,name,colour\n"}, {"districts.csv", "id,name,lat,lon\n"},
        {"sources.csv", "id,publisher,author,title,url,date\n"}, {"excerpts.csv", "id,source_id,kind,text\n"},
        {"changes.csv", "id,date,district_id,state,factions,confidence,note\nmine1,2016-12-23,65,held,rebels,low,my note\n"},
        {"evidence.csv", "change_id,excerpt_id,stance\n"}};
    for (const auto &[name, text] : files) {
        QFile file(dir.filePath("more/" + name));
        if (!file.open(QIODevice::WriteOnly) || file.write(text) != text.size())
            qFatal("cannot write %s", qPrintable(file.fileName()));
    }
    return dir.filePath("more");
}
} // namespace

void DatasetTest::neverWritesTheBundledDatasetAndImportsIntoACopy()
{
    const QByteArray before = contents(FRONTLINE_BUNDLED_DB);
    auto viewer = bundled();
    Dataset &dataset = *viewer->dataset;
    QVERIFY(dataset.bundled());
    QTemporaryDir dir;
    const QString more = oneMoreChange(dir);
    Notices &notices = *viewer->notices;
    QSignalSpy refused(&notices, &Notices::posted);
    QCOMPARE(dataset.importInto("dataset", QUrl::fromLocalFile(more)), QString());
    QCOMPARE(refused.count(), 1);
    QVERIFY2(notices.last().contains("save a copy of your own"), qPrintable(notices.last()));
    const QString mine = dir.filePath("mine.frontline");
    QVERIFY2(dataset.saveCopyAs(QUrl::fromLocalFile(mine)), qPrintable(notices.last()));
    QCOMPARE(dataset.databasePath(), mine);
    QVERIFY(!dataset.bundled());
    const QString summary = dataset.importInto("dataset", QUrl::fromLocalFile(more));
    QVERIFY2(summary.contains("1 changes"), qPrintable(summary + notices.last()));
    QCOMPARE(dataset.lastDateText(), "2016-12-23");
    QCOMPARE(contents(FRONTLINE_BUNDLED_DB), before); // a rebuild may replace it: nothing of the user's is there
    QVERIFY(!dataset.saveCopyAs(QUrl::fromLocalFile(mine))); // never over an existing file
    QVERIFY(notices.last().contains("already exists"));
}

void DatasetRealDataTest::importsBoundariesIntoTheOpenDatabaseAndReloads()
{
    FRONTLINE_NEEDS_SHARED_QT("data/aleppo-neighborhoods.geojson");
    QTemporaryDir dir;
    const QString copy = dir.filePath("copy.frontline");
    QVERIFY(QFile::copy(FRONTLINE_BUNDLED_DB, copy));
    auto viewer = Viewer::open(copy.toStdString());
    QVERIFY(viewer);
    (*viewer)->day.setDate(frontline::Date(2016, 11, 29));
    (*viewer)->selection.select("65");
    QSignalSpy reloaded((*viewer)->dataset.get(), &Dataset::loaded);
    const QString summary = (*viewer)->dataset->importInto("districts",
        QUrl::fromLocalFile(
            QString::fromStdString((frontline::test::sharedDir() / "data/aleppo-neighborhoods.geojson").string())));
    QVERIFY2(summary.contains("replaced 133 districts"), qPrintable(summary + (*viewer)->notices->last()));
    QCOMPARE(reloaded.count(), 1);
    QCOMPARE((*viewer)->day.dateText(), "2016-11-29"); // the day stays
    QCOMPARE(items((*viewer)->day).districts()->rowCount(), 136); // three districts have two parts
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
    QSignalSpy failed(viewer->notices.get(), &Notices::posted);
    QVERIFY(!viewer->dataset->openDatabase(QUrl::fromLocalFile(junk.fileName())));
    QCOMPARE(failed.count(), 1);
    QVERIFY(viewer->notices->last().contains("junk.frontline"));
    QCOMPARE(viewer->dataset->databasePath(), QString(FRONTLINE_BUNDLED_DB));
    QCOMPARE(items(viewer->day).districts()->rowCount(), 133);
}

FRONTLINE_APP_SUITE(DatasetTest);
FRONTLINE_APP_SUITE(DatasetRealDataTest);
