// SPDX-License-Identifier: MIT
#include "app/render/maprenderer_test.h"
#include "app/suites.h"
#include "app/viewertesting.h"

#include "map/districtlayer.h"
#include "render/maprenderer.h"
#include "viewer/viewer.h"

#include <QQuickView>
#include <QtTest>

namespace {
//! The faction whose colour is nearest to `pixel` (fills are drawn translucent over the map background);
//! empty if no faction colour is near (a label, a border).
QString nearestFaction(QColor pixel, const std::vector<LegendModel::Row> &factions)
{
    QString best;
    double bestDistance = 80;
    for (const auto &f : factions) {
        const QColor c = f.colour;
        if (f.id == "contested")
            continue;
        const double d = std::hypot(c.red() - pixel.red(), c.green() - pixel.green(), c.blue() - pixel.blue());
        if (d < bestDistance) {
            bestDistance = d;
            best = f.id;
        }
    }
    return best;
}

//! The largest difference of any colour channel of any pixel.
int largestDifference(const QImage &a, const QImage &b)
{
    int largest = 0;
    for (int y = 0; y < a.height(); ++y)
        for (int x = 0; x < a.width(); ++x) {
            const QRgb p = a.pixel(x, y), q = b.pixel(x, y);
            largest = std::max({largest, std::abs(qRed(p) - qRed(q)), std::abs(qGreen(p) - qGreen(q)),
                std::abs(qBlue(p) - qBlue(q)), std::abs(qAlpha(p) - qAlpha(q))});
        }
    return largest;
}
} // namespace

void MapRendererTest::districtShowsItsNewHolderAfterChangingHands_data()
{
    QTest::addColumn<QString>("district");
    QTest::addColumn<QString>("before");
    QTest::addColumn<QString>("after");
    QTest::addColumn<QString>("beforeFaction");
    QTest::addColumn<QString>("afterFaction");
    QTest::addColumn<bool>("batched"); // one map item per district, or the batched layer of large datasets
    for (const bool batched : {false, true}) {
        const char *how = batched ? " (batched)" : " (items)";
        QTest::newRow(qPrintable(QStringLiteral("as-Sakhour") + how))
            << "29" << "2016-11-20" << "2016-12-01" << "rebels" << "government" << batched;
        QTest::newRow(qPrintable(QStringLiteral("Hanano") + how))
            << "65" << "2016-11-15" << "2016-11-28" << "rebels" << "government" << batched;
        QTest::newRow(qPrintable(QStringLiteral("ash-Sheikh Fares") + how))
            << "110" << "2016-11-20" << "2016-12-01" << "rebels" << "kurdish_ypg" << batched;
    }
}

void MapRendererTest::districtShowsItsNewHolderAfterChangingHands()
{
    QFETCH(QString, district);
    QFETCH(QString, before);
    QFETCH(QString, after);
    QFETCH(QString, beforeFaction);
    QFETCH(QString, afterFaction);
    QFETCH(bool, batched);
    auto viewer = Viewer::open(FRONTLINE_BUNDLED_DB, batched ? MapDay::Renderer::Batched : MapDay::Renderer::Items);
    QVERIFY(viewer);
    MapRenderer renderer(**viewer, QSize(1200, 900));

    QStringList seen;
    for (const QString &day : {before, after}) {
        (*viewer)->day.setDate(*frontline::Date::parse(day.toStdString()));
        const QImage image = renderer.render();
        QVERIFY2(!image.isNull(), qPrintable(renderer.errorString()));
        const QPointF at = renderer.pixelOf((*viewer)->selection.anchorOf(district)) * image.devicePixelRatio();
        QVERIFY(QRectF(image.rect()).contains(at));
        // The district's label sits on its anchor: vote over the pixels around it.
        QMap<QString, int> votes;
        for (int dx = -24; dx <= 24; dx += 4)
            for (int dy = -24; dy <= 24; dy += 4)
                if (auto f = nearestFaction(image.pixelColor((at + QPointF(dx, dy)).toPoint()), (*viewer)->day.legend()->rows());
                    !f.isEmpty())
                    ++votes[f];
        QString winner;
        for (auto it = votes.cbegin(); it != votes.cend(); ++it)
            if (winner.isEmpty() || it.value() > votes[winner])
                winner = it.key();
        seen << winner;
    }
    QCOMPARE(seen, QStringList({beforeFaction, afterFaction}));
}

void MapRendererTest::steppingDrawsWhatAFreshViewDraws_data()
{
    QTest::addColumn<QString>("database"); // empty: generate one
    QTest::addColumn<int>("from");
    QTest::addColumn<int>("to"); // days since the first
    QTest::newRow("Aleppo, forward") << FRONTLINE_BUNDLED_DB << 0 << 20;
    QTest::newRow("Aleppo, back") << FRONTLINE_BUNDLED_DB << 30 << 9;
    QTest::newRow("generated, forward") << QString() << 0 << 40;
    QTest::newRow("generated, back") << QString() << 55 << 12;
}

//! The batched layer repaints only what a day changed (fills and the front line around them); stepping
//! there day by day must end in the same picture as drawing that day from scratch.
void MapRendererTest::steppingDrawsWhatAFreshViewDraws()
{
    QFETCH(QString, database);
    QFETCH(int, from);
    QFETCH(int, to);
    QTemporaryDir dir;
    if (database.isEmpty()) {
        database = dir.filePath(QStringLiteral("war.db"));
        QVERIFY(viewertest::generateWar(database, 4));
    }
    auto stepped = Viewer::open(database.toStdString(), MapDay::Renderer::Batched);
    auto fresh = Viewer::open(database.toStdString(), MapDay::Renderer::Batched);
    QVERIFY(stepped && fresh);
    MapRenderer steppedRenderer(**stepped, QSize(900, 700)), freshRenderer(**fresh, QSize(900, 700));
    (*stepped)->day.setDay(from);
    QVERIFY(!steppedRenderer.render().isNull());
    for (int day = from; day != to; day += to > from ? 1 : -1)
        (*stepped)->day.setDay(day);
    (*stepped)->day.setDay(to);
    (*fresh)->day.setDay(to);
    const QImage a = steppedRenderer.render(), b = freshRenderer.render();
    QVERIFY(!a.isNull() && !b.isNull());
    QCOMPARE(a.size(), b.size());
    // Exact with the software scene graph; OpenGL shades text a few levels apart between two windows. A wrong
    // fill or front-line pixel differs by dozens of levels.
    QCOMPARE_LE(largestDifference(a, b), 16);
}

//! With no basemap the layer composes its picture over the map's colour and draws it opaque (no blending);
//! that must look the same as the translucent picture blended over the map by the scene graph.
void MapRendererTest::anOpaqueLayerLooksLikeTheTranslucentOne()
{
    auto viewer = Viewer::open(FRONTLINE_BUNDLED_DB, MapDay::Renderer::Batched);
    QVERIFY(viewer);
    (*viewer)->day.setDate(frontline::Date(2016, 12, 1));
    MapRenderer renderer(**viewer, QSize(900, 700));
    const QImage opaque = renderer.render();
    QVERIFY(!opaque.isNull());
    DistrictLayer *layer = nullptr;
    for (QWindow *window : QGuiApplication::topLevelWindows())
        if (auto *view = qobject_cast<QQuickView *>(window); view && !layer)
            layer = view->contentItem()->findChild<DistrictLayer *>();
    QVERIFY(layer);
    const QColor backdrop = layer->backdrop();
    QCOMPARE(backdrop.alpha(), 255);
    layer->setBackdrop(Qt::transparent);
    const QImage translucent = renderer.render();
    QVERIFY(!translucent.isNull());
    QCOMPARE_LE(largestDifference(opaque, translucent), 2);
    const QPoint outside(opaque.width() - 3, opaque.height() - 3); // no district in the corner: the map's colour
    QCOMPARE(opaque.pixelColor(outside), backdrop);
    QCOMPARE_NE(opaque.pixelColor(renderer.pixelOf((*viewer)->selection.anchorOf("65")).toPoint()), backdrop);
}

FRONTLINE_APP_SUITE(MapRendererTest);
