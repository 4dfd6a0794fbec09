// SPDX-License-Identifier: MIT
#pragma once

#include <QObject>

class ClaimsAndAuditTest : public QObject {
    Q_OBJECT
private slots:
    void reportedSharesStandBesideTheDatasetsOwn();
    void theAuditRunsInTheBackgroundAndPointsAtDayAndDistrict();
    void inferredHoldsAreStripedWhite();
};
