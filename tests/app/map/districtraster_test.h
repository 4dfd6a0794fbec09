// SPDX-License-Identifier: MIT
#pragma once

#include <QObject>

class DistrictRasterTest : public QObject {
    Q_OBJECT
private slots:
    void givesEachPixelTheDistrictDrawnThere();
    void runsCoverExactlyEachDistrictsPixels();
    void marksThePixelsWithinTheFrontLinesReach();
    void skipsDistrictsOutOfView();
};
