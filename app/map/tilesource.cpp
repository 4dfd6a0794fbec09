// SPDX-License-Identifier: MIT
#include "map/tilesource.h"

#include <QDir>
#include <QFileInfo>

TileSource::TileSource() : QQuickImageProvider(QQuickImageProvider::Image)
{
}

TileSource::~TileSource() = default;

bool TileSource::isOpen() const
{
    QMutexLocker lock(&m_mutex);
    return m_mbtiles || !m_folder.isEmpty();
}

QString TileSource::attribution() const
{
    QMutexLocker lock(&m_mutex);
    return m_mbtiles ? QString::fromStdString(m_mbtiles->attribution()) : QString();
}

bool TileSource::open(const QString &path, QString *error)
{
    QMutexLocker lock(&m_mutex);
    m_mbtiles.reset();
    m_folder.clear();
    if (path.isEmpty())
        return true;
    const QFileInfo info(path);
    if (info.isDir()) {
        const QStringList levels = QDir(path).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
        QList<int> zooms;
        for (const auto &level : levels)
            if (bool ok = false; level.toInt(&ok) >= 0 && ok)
                zooms << level.toInt();
        if (zooms.isEmpty()) {
            *error = QStringLiteral("%1: no z/x/y tile folders in it").arg(path);
            return false;
        }
        std::sort(zooms.begin(), zooms.end());
        m_minZoom = zooms.first();
        m_maxZoom = zooms.last();
        m_folder = path;
        return true;
    }
    auto mbtiles = frontline::MbTiles::open(path.toStdString());
    if (!mbtiles) {
        *error = QString::fromStdString(mbtiles.error().message);
        return false;
    }
    m_minZoom = mbtiles->minZoom();
    m_maxZoom = mbtiles->maxZoom();
    m_mbtiles.emplace(std::move(*mbtiles));
    return true;
}

QImage TileSource::tile(int z, int x, int y)
{
    QMutexLocker lock(&m_mutex);
    if (!m_folder.isEmpty()) {
        for (const char *extension : {"png", "jpg", "jpeg", "webp"}) {
            const QString file =
                QStringLiteral("%1/%2/%3/%4.%5").arg(m_folder).arg(z).arg(x).arg(y).arg(QLatin1String(extension));
            if (QFileInfo::exists(file))
                return QImage(file);
        }
        return {};
    }
    if (!m_mbtiles)
        return {};
    QImage image;
    if (const auto data = m_mbtiles->tile(z, x, y))
        image.loadFromData(data->data(), qsizetype(data->size()));
    return image;
}

QImage TileSource::requestImage(const QString &id, QSize *size, const QSize &)
{
    const QStringList parts = id.split('/');
    QImage image = parts.size() == 3 ? tile(parts[0].toInt(), parts[1].toInt(), parts[2].toInt()) : QImage();
    if (image.isNull()) { // nothing there: a transparent tile, so the map's background shows
        image = QImage(256, 256, QImage::Format_ARGB32);
        image.fill(Qt::transparent);
    }
    if (size)
        *size = image.size();
    return image;
}
