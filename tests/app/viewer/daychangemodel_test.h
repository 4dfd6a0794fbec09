// SPDX-License-Identifier: MIT
#pragma once

#include <QObject>

class DayChangeModelTest : public QObject {
    Q_OBJECT
private slots:
    void aNewDayRewritesRowsInPlace();
    void fewerOrMoreRowsAddOrRemoveOnlyTheDifference();
};
