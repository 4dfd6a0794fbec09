// SPDX-License-Identifier: MIT
#pragma once

#include <QImage>
#include <QMutex>
#include <QQuickImageProvider>
#include <QString>

#include "storage/mbtiles.h"

#include <optional>

//! An offline basemap the user supplies: a raster MBTiles file or a folder of z/x/y.png (or .jpg) tiles.
//! Serves tiles to QML as image://basemap/z/x/y (XYZ numbering). Reads only local files; thread-safe. A hostile
//! MBTiles cannot write, hang the map or exhaust memory (frontline::MbTiles): a bad tile is left out.
class TileSource : public QQuickImageProvider {
public:
    TileSource();
    ~TileSource() override;

    //! Uses `path` as the basemap (empty: none); false and an error message if it is not a tile source.
    bool open(const QString &path, QString *error);
    [[nodiscard]] bool isOpen() const;
    [[nodiscard]] int minZoom() const { return m_minZoom; }
    [[nodiscard]] int maxZoom() const { return m_maxZoom; }
    //! The basemap's credit line (an MBTiles file's "attribution"), empty if it has none.
    [[nodiscard]] QString attribution() const;

    //! The tile, or a null image where the basemap has none.
    QImage tile(int z, int x, int y);
    QImage requestImage(const QString &id, QSize *size, const QSize &requestedSize) override;

private:
    mutable QMutex m_mutex;
    QString m_folder;
    std::optional<frontline::MbTiles> m_mbtiles;
    int m_minZoom = 0;
    int m_maxZoom = 19;
};
