// SPDX-License-Identifier: MIT
#pragma once

#include <QObject>

// Qt Tests of the viewer's objects (app/viewer), each on the bundled dataset.

class DatasetTest : public QObject {
    Q_OBJECT
private slots:
    void opensTheBundledDataset();
    void refusesAMissingDatabase();
    void neverWritesTheBundledDatasetAndImportsIntoACopy();
    void keepsTheCurrentDatabaseWhenAnotherCannotBeOpened();
};

//! The viewer's tests that read the project's shared data (ctest label "shared").
class DatasetRealDataTest : public QObject {
    Q_OBJECT
private slots:
    void importsBoundariesIntoTheOpenDatabaseAndReloads();
};

class DayStateTest : public QObject {
    Q_OBJECT
private slots:
    void stepsAndClampsDays();
    void answersADateAfterTheDataAndRefusesOneBefore();
    void ringsNothingOnTheFirstDay();
    void jumpsBetweenDaysWithChanges();
    void colourChangesWhenADistrictChangesHands();
    void listsTheDaysChangesByName();
    void drawsEveryDayFromTheCursorAsSqlSeesIt();
    void legendCountsTheDaysHolders();
    void tracesTheFrontLineAsTheCoreDoes();
};

class SelectionTest : public QObject {
    Q_OBJECT
private slots:
    void showsHistoryWithEvidence();
    void followsTheDay();
    void selectsTheDistrictUnderAPoint();
    void findsADistrictsNextAndPreviousChange();
    void marksADraftWithItsAuthor();
};

class CompareModelTest : public QObject {
    Q_OBJECT
private slots:
    void comparesTwoDays();
    void saysWhyAComparedDayCannotBeRead();
};

class SearchModelTest : public QObject {
    Q_OBJECT
private slots:
    void searchesNamesAndExcerpts();
};

class IncidentModelTest : public QObject {
    Q_OBJECT
private slots:
    void showsTheDaysIncidents();
};

class TotalsModelTest : public QObject {
    Q_OBJECT
private slots:
    void countsEveryDistrictEveryDay();
    void countsALargeWarInTheBackground();
};

class MapExporterTest : public QObject {
    Q_OBJECT
private slots:
    void creditsTheDatasetAndTheDaysSources();
    void exportsTheTimelineAsAVideo();
    void exportsTheViewAsSvg();
};
