// SPDX-License-Identifier: MIT
// A district raster of two squares side by side, the right one with a square hole, drawn 1:1 into 40 x 20 pixels.
#include "app/map/districtraster_test.h"
#include "app/suites.h"

#include "map/districtraster.h"

#include <QtTest>

namespace {
QPolygonF box(double x0, double y0, double x1, double y1)
{
    return QPolygonF(QRectF(QPointF(x0, y0), QPointF(x1, y1)));
}

DistrictRaster twoSquares(const QTransform &toPixels = {})
{
    const std::vector<DistrictRaster::Shape> shapes{
        {QRectF(0, 0, 20, 20), {box(0, 0, 20, 20)}},
        {QRectF(20, 0, 20, 20), {box(20, 0, 40, 20), box(25, 5, 35, 15)}},
    };
    DistrictRaster raster;
    raster.draw(shapes, toPixels, QSize(40, 20));
    return raster;
}

std::uint32_t idAt(const DistrictRaster &raster, std::size_t x, std::size_t y)
{
    return raster[y * raster.width() + x].id;
}
} // namespace

void DistrictRasterTest::givesEachPixelTheDistrictDrawnThere()
{
    const DistrictRaster raster = twoSquares();
    QCOMPARE(raster.width(), std::size_t(40));
    QCOMPARE(idAt(raster, 2, 10), 1u);
    QCOMPARE(idAt(raster, 19, 19), 1u);
    QCOMPARE(idAt(raster, 21, 2), 2u);
    QCOMPARE(idAt(raster, 30, 10), 0u); // the hole
    QCOMPARE(idAt(raster, 39, 10), 2u);
}

void DistrictRasterTest::runsCoverExactlyEachDistrictsPixels()
{
    const DistrictRaster raster = twoSquares();
    for (std::uint32_t slot = 0; slot < 2; ++slot) {
        std::size_t covered = 0;
        for (const auto &run : raster.runsOf(slot)) {
            QVERIFY(run.start / 40 == (run.start + run.length - 1) / 40); // within one row
            for (std::uint32_t i = run.start; i < run.start + run.length; ++i)
                QCOMPARE(raster[i].id, slot + 1);
            covered += run.length;
        }
        std::size_t pixels = 0;
        for (std::size_t i = 0; i < 40 * 20; ++i)
            pixels += raster[i].id == slot + 1;
        QCOMPARE(covered, pixels);
    }
    QCOMPARE(raster.runsOf(0).size(), std::size_t(20)); // one run a row
    QCOMPARE(raster.runsOf(1).size(), std::size_t(30)); // the hole's ten rows have two
}

void DistrictRasterTest::marksThePixelsWithinTheFrontLinesReach()
{
    const DistrictRaster raster = twoSquares();
    const auto at = [&](std::size_t x, std::size_t y) { return raster[y * 40 + x]; };
    QVERIFY(at(19, 10).outlined); // its right neighbour is the other district
    QVERIFY(!at(10, 10).outlined);
    QVERIFY(at(19, 2).across & DistrictRaster::kNextSteps); // one step from the border
    QVERIFY(at(18, 2).across != 0); // two steps
    QVERIFY(!(at(18, 2).across & DistrictRaster::kNextSteps));
    QCOMPARE(at(10, 10).across, std::uint16_t(0)); // beyond reach
    QVERIFY(at(20, 2).across & DistrictRaster::kNextSteps); // and the same on the other side
}

void DistrictRasterTest::skipsDistrictsOutOfView()
{
    const DistrictRaster raster = twoSquares(QTransform::fromTranslate(-20, 0)); // the right square fills the view
    QCOMPARE(idAt(raster, 2, 2), 2u);
    QCOMPARE(idAt(raster, 10, 10), 0u); // its hole
    QVERIFY(raster.runsOf(0).empty());
    QCOMPARE(raster.runsOf(1).size(), std::size_t(30));
}

FRONTLINE_APP_SUITE(DistrictRasterTest);
