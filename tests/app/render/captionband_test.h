// SPDX-License-Identifier: MIT
#pragma once

#include <QObject>

class CaptionBandTest : public QObject {
    Q_OBJECT
private slots:
    void theBandLiesBelowTheMapAndNeverOverIt();
    void linesPutTheWidestStatementsFirstAndCountTheRest();
};
