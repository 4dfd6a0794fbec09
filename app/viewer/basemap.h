// SPDX-License-Identifier: MIT
#pragma once

#include <QObject>
#include <QUrl>
#include <QtQml/qqmlregistration.h>

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
    Q_PROPERTY(QString errorString READ errorString NOTIFY errorStringChanged)
public:
    //! `tiles` is owned by the QML engine that serves them; none: no basemap can be opened.
    explicit Basemap(TileSource *tiles, QObject *parent = nullptr) : QObject(parent), m_tiles(tiles) { }

    [[nodiscard]] bool isOpen() const;
    [[nodiscard]] int minZoom() const;
    [[nodiscard]] int maxZoom() const;
    [[nodiscard]] QString attribution() const;
    [[nodiscard]] QString errorString() const { return m_error; }

    //! Shows a user-supplied basemap (MBTiles file or z/x/y tile folder); an empty URL removes it. False and
    //! errorString if it is not a tile source.
    Q_INVOKABLE bool openFile(const QUrl &file);

signals:
    void changed();
    void errorStringChanged();

private:
    TileSource *m_tiles;
    QString m_error;
};
