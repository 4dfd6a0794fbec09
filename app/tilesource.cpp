// SPDX-License-Identifier: MIT
#include "tilesource.h"

#include <QDir>
#include <QFileInfo>

#include <sqlite3.h>

TileSource::TileSource() : QQuickImageProvider(QQuickImageProvider::Image)
{
}

TileSource::~TileSource()
{
    if (m_mbtiles)
        sqlite3_close(m_mbtiles);
}

bool TileSource::isOpen() const
{
    QMutexLocker lock(&m_mutex);
    return m_mbtiles || !m_folder.isEmpty();
}

bool TileSource::open(const QString &path, QString *error)
{
    QMutexLocker lock(&m_mutex);
    if (m_mbtiles)
        sqlite3_close(m_mbtiles);
    m_mbtiles = nullptr;
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
    sqlite3 *db = nullptr;
    const QByteArray name = path.toLocal8Bit();
    if (sqlite3_open_v2(name.constData(), &db, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK) {
        *error = QStringLiteral("%1: cannot open: %2").arg(path, QString::fromUtf8(sqlite3_errmsg(db)));
        sqlite3_close(db);
        return false;
    }
    sqlite3_stmt *range = nullptr;
    const bool tiles =
        sqlite3_prepare_v2(db, "SELECT min(zoom_level), max(zoom_level) FROM tiles", -1, &range, nullptr) == SQLITE_OK
        && sqlite3_step(range) == SQLITE_ROW && sqlite3_column_type(range, 0) != SQLITE_NULL;
    if (tiles) {
        m_minZoom = sqlite3_column_int(range, 0);
        m_maxZoom = sqlite3_column_int(range, 1);
    }
    sqlite3_finalize(range);
    if (!tiles) {
        *error = QStringLiteral("%1: not an MBTiles file with tiles (expected a 'tiles' table)").arg(path);
        sqlite3_close(db);
        return false;
    }
    m_mbtiles = db;
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
    sqlite3_stmt *s = nullptr;
    QImage image;
    if (sqlite3_prepare_v2(
            m_mbtiles, "SELECT tile_data FROM tiles WHERE zoom_level = ? AND tile_column = ? AND tile_row = ?", -1, &s, nullptr)
        == SQLITE_OK) {
        sqlite3_bind_int(s, 1, z);
        sqlite3_bind_int(s, 2, x);
        sqlite3_bind_int(s, 3, (1 << z) - 1 - y); // MBTiles rows count from the south (TMS)
        if (sqlite3_step(s) == SQLITE_ROW)
            image.loadFromData(static_cast<const uchar *>(sqlite3_column_blob(s, 0)), sqlite3_column_bytes(s, 0));
    }
    sqlite3_finalize(s);
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
