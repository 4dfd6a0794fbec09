// SPDX-License-Identifier: MIT
#pragma once

#include <QObject>
#include <QUrl>
#include <QtQml/qqmlregistration.h>

class Notices;
class TileSource;

//! The offline basemap the user chose, as the map and the exports see it; its tiles are served by a
//! TileSource (image://basemap/z/x/y).
class Basemap : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("built by the application")
    Q_PROPERTY(bool open READ isOpen NOTIFY changed)
    Q_PROPERTY(int minZoom READ minZoom NOTIFY changed)
    Q_PROPERTY(int maxZoom READ maxZoom NOTIFY changed)
    Q_PROPERTY(QString attribution READ attribution NOTIFY changed)
public:
    //! `tiles` is owned by the QML engine that serves them; none: no basemap can be opened.
    Basemap(TileSource *tiles, Notices &notices) : m_tiles(tiles), m_notices(notices) { }

    [[nodiscard]] bool isOpen() const;
    [[nodiscard]] int minZoom() const;
    [[nodiscard]] int maxZoom() const;
    [[nodiscard]] QString attribution() const;

    //! Shows a user-supplied basemap (MBTiles file or z/x/y tile folder); an empty URL removes it. False (and a
    //! notice) if it is not a tile source.
    Q_INVOKABLE bool openFile(const QUrl &file);

signals:
    void changed();

private:
    TileSource *m_tiles;
    Notices &m_notices;
};
