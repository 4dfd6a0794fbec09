// SPDX-License-Identifier: MIT
#include "app/render/captionband_test.h"
#include "app/suites.h"

#include "render/captionband.h"

#include <QtTest>

using namespace frontline;

void CaptionBandTest::theBandLiesBelowTheMapAndNeverOverIt()
{
    const CaptionBand band(QSize(480, 320));
    const QSize map = band.mapSize();
    QCOMPARE(map.width(), 480);
    QVERIFY(map.height() < 320 && map.height() > 240);
    QImage picture(map, QImage::Format_RGB32);
    picture.fill(QColor(0x12, 0x34, 0x56));
    const QImage frame = band.compose(picture, {QString(200, QChar('W')), QStringLiteral("second"), QStringLiteral("third")});
    QCOMPARE(frame.size(), QSize(480, 320));
    QCOMPARE(frame.copy(QRect(QPoint(0, 0), map)), picture); // every pixel of the map as it was
    // Text in the band: dark pixels on its light ground, and the long line elided within the frame.
    int dark = 0;
    for (int y = map.height() + 1; y < 320; ++y)
        for (int x = 0; x < 480; ++x)
            dark += qGray(frame.pixel(x, y)) < 100;
    QVERIFY(dark > 100);
    for (int y = map.height() + 1; y < 320; ++y)
        QCOMPARE(qGray(frame.pixel(479, y)), qGray(frame.pixel(478, y))); // nothing drawn to the edge
}

void CaptionBandTest::linesPutTheWidestStatementsFirstAndCountTheRest()
{
    const std::map<std::string, std::string> names{{"government", "Government"}, {"rebels", "Rebels"}};
    std::vector<DayCaption> captions{
        {{"Hanano"}, ControlState::Held, {"government"}, "SANA", "Army enters Hanano", Stance::Supports},
        {{"Jabal Badro", "Sakhour", "Haidariya", "Ard al-Hamra"}, ControlState::Held, {"government"}, "SOHR",
            "Four districts fall", Stance::Supports},
        {{"Bustan al-Basha"}, ControlState::Contested, {"government", "rebels"}, "AFP", "Fighting", Stance::Disputes},
        {{"Masakin Hanano"}, ControlState::Held, {"government"}, {}, {}, Stance::Supports},
    };
    const QStringList lines = CaptionBand::lines(Date(2016, 11, 27), captions, names);
    QCOMPARE(lines.size(), CaptionBand::kLines);
    QCOMPARE(lines[0],
        QStringLiteral(
            "27 Nov  Jabal Badro, Sakhour, Haidariya and 1 more \u2192 Government · SOHR: \u201CFour districts fall\u201D"));
    QCOMPARE(lines[1], QStringLiteral("Hanano \u2192 Government · SANA: \u201CArmy enters Hanano\u201D"));
    QCOMPARE(lines[2], QStringLiteral("and 2 more changes"));
    const QStringList two = CaptionBand::lines(Date(2016, 11, 27), {captions[2], captions[3]}, names);
    QCOMPARE(two[0],
        QStringLiteral("27 Nov  Bustan al-Basha \u2192 contested: Government / Rebels · disputed by AFP: \u201CFighting\u201D"));
    QCOMPARE(two[1], QStringLiteral("Masakin Hanano \u2192 Government"));
    QVERIFY(CaptionBand::lines(Date(2016, 11, 27), {}, names).isEmpty());
}

FRONTLINE_APP_SUITE(CaptionBandTest);
