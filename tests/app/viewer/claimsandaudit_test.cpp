// SPDX-License-Identifier: MIT
#include "app/viewer/claimsandaudit_test.h"
#include "app/suites.h"

#include "import/datasetimporter.h"
#include "viewer/auditmodel.h"
#include "viewer/shareclaimmodel.h"
#include "viewer/viewer.h"

#include <QAbstractItemModelTester>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

#include <fstream>
#include <sstream>

using namespace frontline;

//! The bundled dataset's six shares, in date order, each with its faction's colour and the dataset's own share.
void ClaimsAndAuditTest::reportedSharesStandBesideTheDatasetsOwn()
{
    Notices notices;
    auto dataset = Dataset::open(FRONTLINE_BUNDLED_DB, notices);
    QVERIFY(dataset);
    ShareClaimModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QVERIFY(model.load((*dataset)->database(), (*dataset)->first(), (*dataset)->colours()));
    QCOMPARE(model.rowCount(), 6);
    const QModelIndex first = model.index(0);
    QCOMPARE(model.data(first, ShareClaimModel::DateRole).toString(), QStringLiteral("2016-11-28"));
    QCOMPARE(model.data(first, ShareClaimModel::DayRole).toInt(), 13);
    QCOMPARE(model.data(first, ShareClaimModel::ClaimantRole).toString(), QStringLiteral("SOHR"));
    QCOMPARE(model.data(first, ShareClaimModel::ClaimedRole).toDouble(), 35.0);
    QCOMPARE(model.data(first, ShareClaimModel::ColourRole).value<QColor>(), QColor(QStringLiteral("#D55E00")));
    for (int row = 0; row < model.rowCount(); ++row) {
        const double claimed = model.data(model.index(row), ShareClaimModel::ClaimedRole).toDouble();
        const double measured = model.data(model.index(row), ShareClaimModel::MeasuredRole).toDouble();
        QVERIFY2(
            std::abs(claimed - measured) <= 20, qPrintable(model.data(model.index(row), ShareClaimModel::TextRole).toString()));
    }
}

//! A dataset with one change stripped of its sources: the audit, run on its own thread, lists that error with
//! the day (counted from the first) and district a click goes to.
void ClaimsAndAuditTest::theAuditRunsInTheBackgroundAndPointsAtDayAndDistrict()
{
    QTemporaryDir dir;
    const std::filesystem::path folder = dir.filePath(QStringLiteral("dataset")).toStdString();
    std::filesystem::copy(FRONTLINE_DATASET_DIR, folder);
    std::ifstream in(folder / "evidence.csv");
    std::stringstream kept;
    for (std::string line; std::getline(in, line);)
        if (!line.starts_with("c150,")) // Sheikh Kheder's change of 28 November
            kept << line << '\n';
    in.close();
    std::ofstream(folder / "evidence.csv") << kept.str();
    const std::filesystem::path path = dir.filePath(QStringLiteral("broken.frontline")).toStdString();
    {
        auto db = Database::open(path, Database::Mode::Create);
        QVERIFY(db);
        auto imported = importDataset(*db, folder);
        QVERIFY2(imported, imported ? "" : imported.error().message.c_str());
    }
    auto viewer = Viewer::open(path);
    QVERIFY(viewer);
    AuditModel &model = (*viewer)->audit;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy finished(&model, &AuditModel::finished);
    model.run();
    QVERIFY(model.running());
    QVERIFY(finished.wait(60'000));
    QVERIFY(!model.running());
    QCOMPARE(model.failure(), QString());
    QCOMPARE(model.errors(), 1);
    const QModelIndex error = model.index(0);
    QCOMPARE(model.data(error, AuditModel::CheckRole).toString(), QStringLiteral("no evidence"));
    QCOMPARE(model.data(error, AuditModel::DistrictIdRole).toString(), QStringLiteral("111"));
    QCOMPARE(model.data(error, AuditModel::DayRole).toInt(), 13);
    model.clear();
    QCOMPARE(model.rowCount(), 0);
}

//! al-Besel is taken on 3 December on no report: the map stripes it white over the government's colour.
void ClaimsAndAuditTest::inferredHoldsAreStripedWhite()
{
    auto viewer = Viewer::open(FRONTLINE_BUNDLED_DB);
    QVERIFY(viewer);
    (*viewer)->day.setDate(*Date::parse("2016-12-05"));
    const auto &districts = (*viewer)->dataset->districts();
    auto besel = std::ranges::find(districts, std::string("15"), &District::id);
    QVERIFY(besel != districts.end());
    const auto control = (*viewer)->day.territory().controls()[std::size_t(besel->number - 1)];
    QVERIFY((*viewer)->day.territory().control(control).inferred);
    QCOMPARE((*viewer)->day.map()->palette().stripes(control), QColor(255, 255, 255, 170));
    auto hanano = std::ranges::find(districts, std::string("65"), &District::id); // reported
    const auto reported = (*viewer)->day.territory().controls()[std::size_t(hanano->number - 1)];
    QVERIFY(!(*viewer)->day.territory().control(reported).inferred);
    QVERIFY(!(*viewer)->day.map()->palette().stripes(reported).isValid());
}

FRONTLINE_APP_SUITE(ClaimsAndAuditTest);
