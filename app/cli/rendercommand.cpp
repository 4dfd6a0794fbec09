// SPDX-License-Identifier: MIT
#include "arguments.h"
#include "atlas.h"
#include "commandlist.h"
#include "maprenderer.h"

int renderCommand(const QStringList &args)
{
    Arguments a;
    const QCommandLineOption size{QStringLiteral("size"), QStringLiteral("image size"), QStringLiteral("WxH"), QStringLiteral("1600x1000")};
    if (auto e = a.parse(args, {Arguments::kDb, Arguments::kDate, Arguments::kOutput, size}, 0, 0))
        return usageError(*e);
    QString error;
    auto date = a.date(Arguments::kDate, error);
    if (!date)
        return usageError(error);
    if (!a.isSet(Arguments::kOutput))
        return usageError("-o FILE.png is required");
    const QStringList wh = a.value(size).split('x');
    const QSize pixels = wh.size() == 2 ? QSize(wh[0].toInt(), wh[1].toInt()) : QSize();
    if (pixels.width() < 200 || pixels.height() < 200 || pixels.width() > 10000 || pixels.height() > 10000)
        return usageError(QStringLiteral("invalid --size \"%1\" (expected WxH, each 200 to 10000)").arg(a.value(size)));
    auto atlas = Atlas::open(a.database());
    if (!atlas)
        return failure(atlas.error().message);
    (*atlas)->setDate(*date);
    MapRenderer renderer(**atlas, pixels);
    const QImage image = renderer.render();
    if (image.isNull())
        return failure("render failed: " + renderer.errorString().toStdString());
    if (!image.save(a.value(Arguments::kOutput)))
        return failure(a.value(Arguments::kOutput).toStdString() + ": cannot write the image (check the folder and the extension)");
    return 0;
}
