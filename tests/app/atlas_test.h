// SPDX-License-Identifier: MIT
#pragma once

#include <QObject>

class AtlasTest : public QObject {
    Q_OBJECT
private slots:
    void opensTheBundledDataset();
    void refusesAMissingDatabase();
    void stepsAndClampsDays();
    void answersADateAfterTheDataAndRefusesOneBefore();
    void ringsNothingOnTheFirstDay();
    void creditsTheDatasetAndTheDaysSources();
    void jumpsBetweenDaysWithChanges();
    void colourChangesWhenADistrictChangesHands();
    void selectionShowsHistoryWithEvidence();
    void selectsTheDistrictUnderAPoint();
    void importsBoundariesIntoTheOpenDatabaseAndReloads();
    void keepsTheCurrentDatabaseWhenAnotherCannotBeOpened();
    void comparesTwoDays();
    void listsTheDaysChangesAndJumpsBetweenADistrictsChanges();
    void searchesNamesAndExcerpts();
    void showsTheDaysIncidents();
    void exportsTheTimelineAsAVideo();
    void exportsTheViewAsSvg();
};
