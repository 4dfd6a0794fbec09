// SPDX-License-Identifier: MIT
#include "atlas_test.h"

#include "atlas.h"
#include "text/naturalorder.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

#include <algorithm>

namespace {
std::unique_ptr<Atlas> bundled()
{
    auto atlas = Atlas::open(FRONTLINE_BUNDLED_DB);
    if (!atlas)
        qFatal("%s", atlas.error().message.c_str());
    return std::move(*atlas);
}

QColor fillOf(Atlas &atlas, const QString &districtId)
{
    auto *model = atlas.districts();
    for (int row = 0; row < model->rowCount(); ++row)
        if (model->data(model->index(row), DistrictModel::DistrictIdRole).toString() == districtId)
            return model->data(model->index(row), DistrictModel::FillRole).value<QColor>();
    return {};
}
} // namespace

void AtlasTest::opensTheBundledDataset()
{
    auto atlas = bundled();
    QAbstractItemModelTester tester(atlas->districts(), QAbstractItemModelTester::FailureReportingMode::Fatal);
    QCOMPARE(atlas->districts()->rowCount(), 133);
    QCOMPARE(atlas->firstDateText(), "2016-11-15");
    QCOMPARE(atlas->lastDateText(), "2016-12-22");
    QCOMPARE(atlas->dayCount(), 38);
    QVERIFY(atlas->bounds().isValid());
    QVERIFY(!atlas->frontLine().isEmpty());
}

void AtlasTest::refusesAMissingDatabase()
{
    auto atlas = Atlas::open("/nonexistent/frontline.db");
    QVERIFY(!atlas);
    QVERIFY(QString::fromStdString(atlas.error().message).contains("no such database"));
}

void AtlasTest::stepsAndClampsDays()
{
    auto atlas = bundled();
    QSignalSpy changed(atlas.get(), &Atlas::dayChanged);
    atlas->stepDays(1);
    QCOMPARE(atlas->dateText(), "2016-11-16");
    atlas->stepDays(-5);
    QCOMPARE(atlas->dateText(), "2016-11-15");
    atlas->setDay(1000);
    QCOMPARE(atlas->dateText(), "2016-12-22");
    QCOMPARE(changed.count(), 3);
}

void AtlasTest::answersADateAfterTheDataAndRefusesOneBefore()
{
    auto atlas = bundled();
    QVERIFY(atlas->dataEndNote().isEmpty());
    QVERIFY(atlas->goToDate("2026-08-22"));
    QCOMPARE(atlas->dateText(), "2026-08-22"); // the date asked, not the last day
    QCOMPARE(atlas->dataEndNote(), "Data end on 2016-12-22: nothing recorded since");
    const auto after = atlas->factions();
    atlas->setDate(frontline::Date(2016, 12, 22));
    QCOMPARE(atlas->factions(), after); // the last day's state
    QVERIFY(atlas->dataEndNote().isEmpty());
    QVERIFY(!atlas->goToDate("2016-01-01"));
    QCOMPARE(atlas->errorString(), "2016-01-01 is before the data, which cover 2016-11-15 to 2016-12-22");
    QCOMPARE(atlas->dateText(), "2016-12-22");
}

void AtlasTest::ringsNothingOnTheFirstDay()
{
    auto atlas = bundled();
    auto *districts = atlas->districts();
    auto ringed = [&] {
        int n = 0;
        for (int row = 0; row < districts->rowCount(); ++row)
            n += districts->data(districts->index(row), DistrictModel::ChangedTodayRole).toBool() ? 1 : 0;
        return n;
    };
    QCOMPARE(atlas->dateText(), "2016-11-15");
    QCOMPARE(ringed(), 0); // the initial state, not a change of hands
    atlas->setDate(frontline::Date(2016, 11, 28));
    QVERIFY(ringed() > 0);
}

void AtlasTest::creditsTheDatasetAndTheDaysSources()
{
    auto atlas = bundled();
    QVERIFY(atlas->attributionShown());
    atlas->setDate(frontline::Date(2016, 12, 7));
    const QString credit = atlas->attribution();
    QVERIFY2(
        credit.startsWith("East Aleppo, 15 November - 22 December 2016 · Notes and compilation: CC BY 4.0"), qPrintable(credit));
    QVERIFY2(credit.contains(" · Sources: ") && credit.contains("AFP"), qPrintable(credit));
    atlas->setDate(frontline::Date(2016, 11, 15));
    QVERIFY(atlas->attribution() != credit); // the day's own sources
    atlas->setAttributionShown(false);
    QVERIFY(!atlas->attributionShown());
}

void AtlasTest::jumpsBetweenDaysWithChanges()
{
    auto atlas = bundled();
    atlas->jumpToChange(1);
    QCOMPARE(atlas->dateText(), "2016-11-20"); // nothing changed hands from 16 to 19 Nov
    atlas->jumpToChange(-1);
    QCOMPARE(atlas->dateText(), "2016-11-15");
}

void AtlasTest::colourChangesWhenADistrictChangesHands()
{
    auto atlas = bundled();
    atlas->setDate(frontline::Date(2016, 11, 26));
    const QColor before = fillOf(*atlas, "29"); // as-Sakhour: rebel-held
    atlas->setDate(frontline::Date(2016, 11, 28));
    const QColor after = fillOf(*atlas, "29"); // government
    QCOMPARE(before.rgb(), QColor("#009E73").rgb());
    QCOMPARE(after.rgb(), QColor("#D55E00").rgb());
}

void AtlasTest::selectionShowsHistoryWithEvidence()
{
    auto atlas = bundled();
    atlas->setDate(frontline::Date(2016, 11, 29));
    atlas->select("110"); // ash-Sheikh Fares
    const QVariantMap s = atlas->selection();
    QCOMPARE(s["name"].toString(), "ash-Sheikh Fares");
    QVERIFY(s["holder"].toString().contains("Kurdish"));
    QCOMPARE(s["since"].toString(), "2016-11-28");
    const QVariantList changes = s["changes"].toList();
    QVERIFY(changes.size() >= 2);
    const QVariantList evidence = changes[1].toMap()["evidence"].toList();
    QStringList stances;
    for (const auto &e : evidence)
        stances << e.toMap()["stance"].toString();
    QVERIFY(stances.contains("supports"));
    QVERIFY(stances.contains("disputes"));
    const QVariantMap change = changes[1].toMap();
    QCOMPARE(change["supports"].toInt() + change["disputes"].toInt() + change["context"].toInt(), evidence.size());
    QVERIFY(change["disputes"].toInt() >= 1);
}

void AtlasTest::selectsTheDistrictUnderAPoint()
{
    auto atlas = bundled();
    atlas->selectAt(atlas->anchorOf("65"));
    QCOMPARE(atlas->selectedDistrict(), "65");
    atlas->selectAt(QGeoCoordinate(0, 0));
    QCOMPARE(atlas->selectedDistrict(), "");
}

void AtlasTest::importsBoundariesIntoTheOpenDatabaseAndReloads()
{
    QTemporaryDir dir;
    const QString copy = dir.filePath("copy.frontline");
    QVERIFY(QFile::copy(FRONTLINE_BUNDLED_DB, copy));
    auto atlas = Atlas::open(copy.toStdString());
    QVERIFY(atlas);
    (*atlas)->setDate(frontline::Date(2016, 11, 29));
    QSignalSpy reloaded(atlas->get(), &Atlas::datasetChanged);
    const QString summary =
        (*atlas)->importInto("districts", QUrl::fromLocalFile(FRONTLINE_SHARED_DIR "/data/aleppo-neighborhoods.geojson"));
    QVERIFY2(summary.contains("replaced 133 districts"), qPrintable(summary + (*atlas)->errorString()));
    QCOMPARE(reloaded.count(), 1);
    QCOMPARE((*atlas)->dateText(), "2016-11-29"); // the day stays
    QCOMPARE((*atlas)->districts()->rowCount(), 136); // three districts have two parts
}

void AtlasTest::keepsTheCurrentDatabaseWhenAnotherCannotBeOpened()
{
    auto atlas = bundled();
    QTemporaryDir dir;
    QFile junk(dir.filePath("junk.frontline"));
    QVERIFY(junk.open(QIODevice::WriteOnly));
    junk.write(QByteArray(4096, 'x'));
    junk.close();
    QVERIFY(!atlas->openDatabase(QUrl::fromLocalFile(junk.fileName())));
    QVERIFY(!atlas->errorString().isEmpty());
    QCOMPARE(atlas->databasePath(), QString(FRONTLINE_BUNDLED_DB));
    QCOMPARE(atlas->districts()->rowCount(), 133);
}

void AtlasTest::comparesTwoDays()
{
    auto atlas = bundled();
    QSignalSpy changed(atlas.get(), &Atlas::compareChanged);
    atlas->setCompareDay(0); // 15 Nov
    atlas->setDate(frontline::Date(2016, 12, 22));
    QVERIFY(changed.count() >= 2);
    QStringList ids;
    for (const auto &c : atlas->compared())
        ids << c.toMap()["districtId"].toString();
    QVERIFY(ids.contains("65")); // Hanano: rebels -> government
    QVERIFY(!ids.contains("39")); // ash-Sheikh Maqsoud: Kurdish throughout
    int outlined = 0;
    auto *model = atlas->districts();
    for (int row = 0; row < model->rowCount(); ++row)
        outlined += model->data(model->index(row), DistrictModel::ComparedRole).toBool();
    QCOMPARE(outlined, ids.size());
    atlas->setCompareDay(-1);
    QVERIFY(atlas->compared().isEmpty());
}

void AtlasTest::listsTheDaysChangesAndJumpsBetweenADistrictsChanges()
{
    auto atlas = bundled();
    atlas->setDate(frontline::Date(2016, 11, 28));
    QStringList names;
    for (const auto &c : atlas->dayChanges()->rows()) {
        names << c.name;
        QVERIFY2(c.summary.startsWith("held by ") || c.summary.startsWith("contested: "), qPrintable(c.summary));
        QVERIFY2(QStringList({"high", "medium", "low"}).contains(c.confidence), qPrintable(c.confidence));
    }
    QVERIFY(names.contains("as-Sakhour"));
    QVERIFY(names.contains("ash-Sheikh Fares"));
    // By name in natural order ("District 2" before "District 10"), whatever order the changes were made in.
    QVERIFY(std::ranges::is_sorted(names,
        [](const QString &a, const QString &b) { return frontline::naturalCompare(a.toStdString(), b.toStdString()) < 0; }));
    QVERIFY(atlas->selectByName("Hanano"));
    atlas->setDate(frontline::Date(2016, 11, 15));
    atlas->jumpToDistrictChange(1);
    QCOMPARE(atlas->dateText(), "2016-11-20");
    atlas->jumpToDistrictChange(1);
    QCOMPARE(atlas->dateText(), "2016-11-21");
    atlas->jumpToDistrictChange(-1);
    QCOMPARE(atlas->dateText(), "2016-11-20");
    QVERIFY(atlas->goToDate("2016-12-01"));
    QVERIFY(!atlas->goToDate("2016-02-30"));
    QCOMPARE(atlas->dateText(), "2016-12-01");
}

void AtlasTest::searchesNamesAndExcerpts()
{
    auto atlas = bundled();
    const QVariantList hits = atlas->search("Sheikh Saeed");
    QVERIFY(!hits.isEmpty());
    QCOMPARE(hits.first().toMap()["kind"].toString(), "name");
    bool excerpt = false;
    for (const auto &h : hits)
        excerpt |= h.toMap()["kind"] == "excerpt" && h.toMap()["day"].toInt() >= 0;
    QVERIFY(excerpt);
}

void AtlasTest::showsTheDaysIncidents()
{
    auto atlas = bundled();
    atlas->setDate(frontline::Date(2016, 11, 30));
    const QVariantList incidents = atlas->incidents();
    QVERIFY(!incidents.isEmpty());
    const QVariantMap first = incidents.first().toMap();
    QVERIFY(first["located"].toBool());
    QVERIFY(first["coordinate"].value<QGeoCoordinate>().isValid());
    QVERIFY(!first["evidence"].toList().isEmpty());
    atlas->setDate(frontline::Date(2016, 11, 16));
    QVERIFY(atlas->incidents().isEmpty());
}

void AtlasTest::exportsTheTimelineAsAVideo()
{
    auto atlas = bundled();
    QTemporaryDir dir;
    QSignalSpy finished(atlas.get(), &Atlas::exportFinished);
    atlas->setRendererProgram(FRONTLINE_EXECUTABLE);
    atlas->exportAnimation(QUrl::fromLocalFile(dir.filePath("timeline.gif")), 10);
    QVERIFY(atlas->exporting());
    while (finished.isEmpty()) // as long as it takes this machine; a hang is ctest's timeout to catch
        finished.wait(1000);
    QVERIFY(!atlas->exporting());
    QVERIFY2(finished.first().at(0).toBool(), qPrintable(finished.first().at(1).toString()));
    QFile gif(dir.filePath("timeline.gif"));
    QVERIFY(gif.open(QIODevice::ReadOnly));
    QCOMPARE(gif.read(6), QByteArray("GIF89a"));
}

void AtlasTest::exportsTheViewAsSvg()
{
    auto atlas = bundled();
    atlas->setDate(frontline::Date(2016, 12, 1));
    QTemporaryDir dir;
    QVERIFY(atlas->exportSvg(QUrl::fromLocalFile(dir.filePath("map.svg")), atlas->bounds().center(), 12.5, QSize(1200, 800)));
    QFile file(dir.filePath("map.svg"));
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray svg = file.readAll();
    QVERIFY(svg.startsWith("<?xml"));
    QVERIFY(svg.contains("2016-12-01")); // the date is burned in
    QVERIFY(svg.count("<polyline") + svg.count("<path") > 133); // districts, hatching, front line as vectors
    QVERIFY(svg.contains("#d55e00") || svg.contains("#D55E00")); // the government's colour
    QVERIFY(
        !atlas->exportSvg(QUrl::fromLocalFile("/nonexistent/folder/map.svg"), atlas->bounds().center(), 12.5, QSize(100, 100)));
}
