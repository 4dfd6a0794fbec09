// SPDX-License-Identifier: MIT
#include "tilesource_test.h"

#include "tilesource.h"

#include <QBuffer>
#include <QDir>
#include <QTemporaryDir>
#include <QtTest>

#include <sqlite3.h>

namespace {
QByteArray png(QColor colour)
{
    QImage image(256, 256, QImage::Format_ARGB32);
    image.fill(colour);
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "PNG");
    return bytes;
}
} // namespace

void TileSourceTest::readsMbtilesWithTheirSouthUpRows()
{
    QTemporaryDir dir;
    const QByteArray path = dir.filePath("aleppo.mbtiles").toLocal8Bit();
    sqlite3 *db = nullptr;
    sqlite3_open(path.constData(), &db);
    sqlite3_exec(db, "CREATE TABLE tiles (zoom_level INTEGER, tile_column INTEGER, tile_row INTEGER, tile_data BLOB)", nullptr,
        nullptr, nullptr);
    sqlite3_stmt *insert = nullptr;
    sqlite3_prepare_v2(db, "INSERT INTO tiles VALUES (12, 2470, ?, ?)", -1, &insert, nullptr);
    const QByteArray red = png(Qt::red);
    sqlite3_bind_int(insert, 1, (1 << 12) - 1 - 1610); // XYZ row 1610 in TMS numbering
    sqlite3_bind_blob(insert, 2, red.constData(), int(red.size()), SQLITE_STATIC);
    sqlite3_step(insert);
    sqlite3_finalize(insert);
    sqlite3_close(db);

    TileSource tiles;
    QString error;
    QVERIFY2(tiles.open(QString::fromLocal8Bit(path), &error), qPrintable(error));
    QCOMPARE(tiles.minZoom(), 12);
    QCOMPARE(tiles.tile(12, 2470, 1610).pixelColor(10, 10), QColor(Qt::red));
    QVERIFY(tiles.tile(12, 2470, 1611).isNull());
    QSize size;
    QCOMPARE(tiles.requestImage("12/0/0", &size, {}).pixelColor(0, 0).alpha(), 0); // missing: transparent
}

void TileSourceTest::readsTileFolders()
{
    QTemporaryDir dir;
    QVERIFY(QDir(dir.path()).mkpath("13/4940"));
    QImage blue(256, 256, QImage::Format_ARGB32);
    blue.fill(Qt::blue);
    QVERIFY(blue.save(dir.filePath("13/4940/3220.png")));
    TileSource tiles;
    QString error;
    QVERIFY(tiles.open(dir.path(), &error));
    QCOMPARE(tiles.maxZoom(), 13);
    QCOMPARE(tiles.tile(13, 4940, 3220).pixelColor(5, 5), QColor(Qt::blue));
}

void TileSourceTest::refusesFilesThatAreNotTileSources()
{
    QTemporaryDir dir;
    TileSource tiles;
    QString error;
    QFile text(dir.filePath("notes.mbtiles"));
    QVERIFY(text.open(QIODevice::WriteOnly));
    text.write("not a database");
    text.close();
    QVERIFY(!tiles.open(text.fileName(), &error));
    QVERIFY(!error.isEmpty());
    QVERIFY(!tiles.open(dir.path(), &error)); // an empty folder
    QVERIFY(!tiles.isOpen());
}
