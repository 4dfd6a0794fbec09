// SPDX-License-Identifier: MIT
#include "app/map/tilesource_test.h"
#include "app/suites.h"

#include "map/tilesource.h"

#include <QBuffer>
#include <QDir>
#include <QFile>
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
//! An MBTiles file made by `sql`, then one tile (XYZ 12/2470/1610) of `tile` bytes into table `into`, if given.
QString mbtiles(const QTemporaryDir &dir, const char *sql, const QByteArray &tile = {}, const char *into = "tiles")
{
    const QByteArray path = dir.filePath("hostile.mbtiles").toLocal8Bit();
    sqlite3 *db = nullptr;
    sqlite3_open(path.constData(), &db);
    sqlite3_limit(db, SQLITE_LIMIT_LENGTH, 1 << 30);
    sqlite3_exec(db, sql, nullptr, nullptr, nullptr);
    if (!tile.isEmpty()) {
        sqlite3_stmt *insert = nullptr;
        sqlite3_prepare_v2(db, QByteArray("INSERT INTO ") + into + " VALUES (12, 2470, 2485, ?)", -1, &insert, nullptr);
        sqlite3_bind_blob(insert, 1, tile.constData(), int(tile.size()), SQLITE_STATIC);
        sqlite3_step(insert);
        sqlite3_finalize(insert);
    }
    sqlite3_close(db);
    return QString::fromLocal8Bit(path);
}

QByteArray contents(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}
} // namespace

void TileSourceTest::readsTilesFromAViewAndChangesNothing()
{
    // mbutil's layout, tiles as a view over deduplicated images, plus a trigger a reader must never fire.
    QTemporaryDir dir;
    const QString path = mbtiles(dir,
        "CREATE TABLE map (zoom_level, tile_column, tile_row, tile_id); CREATE TABLE images (tile_id, tile_data);"
        "CREATE TABLE raw (zoom_level, tile_column, tile_row, tile_data);"
        "CREATE TRIGGER spread AFTER INSERT ON raw BEGIN INSERT INTO map VALUES (new.zoom_level, new.tile_column, "
        "new.tile_row, 1); INSERT INTO images VALUES (1, new.tile_data); END;"
        "CREATE VIEW tiles AS SELECT zoom_level, tile_column, tile_row, tile_data FROM map JOIN images USING (tile_id);"
        "CREATE TRIGGER zz AFTER DELETE ON map BEGIN DELETE FROM images; END;",
        png(Qt::green), "raw");
    const QByteArray before = contents(path);
    TileSource tiles;
    QString error;
    QVERIFY2(tiles.open(path, &error), qPrintable(error));
    QCOMPARE(tiles.tile(12, 2470, 1610).pixelColor(3, 3), QColor(Qt::green));
    QVERIFY(tiles.open({}, &error));
    QCOMPARE(contents(path), before);
}

void TileSourceTest::endsAViewThatNeverEnds()
{
    QTemporaryDir dir;
    const QString path = mbtiles(dir,
        "CREATE VIEW tiles AS WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n) "
        "SELECT i AS zoom_level, 0 AS tile_column, 0 AS tile_row, x'00' AS tile_data FROM n");
    TileSource tiles;
    QString error;
    QVERIFY(!tiles.open(path, &error)); // interrupted after a bounded number of steps, not hanging the viewer
    QVERIFY2(error.contains("interrupt"), qPrintable(error));
}

void TileSourceTest::skipsATileOverTheSizeLimit()
{
    QTemporaryDir dir;
    const QString path = mbtiles(dir, "CREATE TABLE tiles (zoom_level, tile_column, tile_row, tile_data)",
        QByteArray(frontline::MbTiles::kMaxTileBytes + 1, 'x'));
    {
        sqlite3 *db = nullptr; // and a good tile beside it
        sqlite3_open(path.toLocal8Bit().constData(), &db);
        sqlite3_stmt *insert = nullptr;
        sqlite3_prepare_v2(db, "INSERT INTO tiles VALUES (12, 2471, 2485, ?)", -1, &insert, nullptr);
        const QByteArray red = png(Qt::red);
        sqlite3_bind_blob(insert, 1, red.constData(), int(red.size()), SQLITE_STATIC);
        sqlite3_step(insert);
        sqlite3_finalize(insert);
        sqlite3_close(db);
    }
    TileSource tiles;
    QString error;
    QVERIFY2(tiles.open(path, &error), qPrintable(error));
    QVERIFY(tiles.tile(12, 2470, 1610).isNull());
    QCOMPARE(tiles.tile(12, 2471, 1610).pixelColor(3, 3), QColor(Qt::red));
}

void TileSourceTest::readsMbtilesWithTheirSouthUpRows()
{
    QTemporaryDir dir;
    const QByteArray path = dir.filePath("aleppo.mbtiles").toLocal8Bit();
    sqlite3 *db = nullptr;
    sqlite3_open(path.constData(), &db);
    sqlite3_exec(db,
        "CREATE TABLE tiles (zoom_level INTEGER, tile_column INTEGER, tile_row INTEGER, tile_data BLOB);"
        "CREATE TABLE metadata (name TEXT, value TEXT); INSERT INTO metadata VALUES ('attribution', '© OpenStreetMap "
        "contributors')",
        nullptr, nullptr, nullptr);
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
    QCOMPARE(tiles.attribution(), QStringLiteral("© OpenStreetMap contributors"));
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

FRONTLINE_APP_SUITE(TileSourceTest);
