// SPDX-License-Identifier: MIT
#include "viewer/basemap.h"

#include "map/tilesource.h"
#include "viewer/notices.h"

bool Basemap::isOpen() const
{
    return m_tiles && m_tiles->isOpen();
}

int Basemap::minZoom() const
{
    return m_tiles ? m_tiles->minZoom() : 0;
}

int Basemap::maxZoom() const
{
    return m_tiles ? m_tiles->maxZoom() : 0;
}

QString Basemap::attribution() const
{
    return isOpen() ? m_tiles->attribution() : QString();
}

bool Basemap::openFile(const QUrl &file)
{
    if (!m_tiles)
        return false;
    QString error;
    const bool ok = m_tiles->open(file.isEmpty() ? QString() : file.toLocalFile(), &error);
    if (!ok)
        m_notices.report(error);
    emit changed();
    return ok;
}
