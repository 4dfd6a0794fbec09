// SPDX-License-Identifier: MIT
#pragma once

#include <QObject>

class MapRendererTest : public QObject {
    Q_OBJECT
private slots:
    void districtShowsItsNewHolderAfterChangingHands_data();
    void districtShowsItsNewHolderAfterChangingHands();
    void steppingDrawsWhatAFreshViewDraws_data();
    void steppingDrawsWhatAFreshViewDraws();
    void anOpaqueLayerLooksLikeTheTranslucentOne();
};
