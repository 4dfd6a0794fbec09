// SPDX-License-Identifier: MIT
#pragma once

#include <QObject>

class TileSourceTest : public QObject {
    Q_OBJECT
private slots:
    void readsMbtilesWithTheirSouthUpRows();
    void readsTileFolders();
    void refusesFilesThatAreNotTileSources();
    void readsTilesFromAViewAndChangesNothing();
    void endsAViewThatNeverEnds();
    void skipsATileOverTheSizeLimit();
};
