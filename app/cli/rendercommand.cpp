// SPDX-License-Identifier: MIT
#include "cli/arguments.h"
#include "cli/subcommands.h"
#include "render/animationwriter.h"
#include "render/captionband.h"
#include "render/maprenderer.h"
#include "viewer/viewer.h"

#include <QUrl>

#include "query/controlqueries.h"

#include <iostream>
#include <map>

namespace {
//! The day's captions as lines for the band, with factions by name.
QStringList captionLines(const frontline::Database &db, frontline::Date day)
{
    frontline::ControlQueries queries(db);
    std::map<std::string, std::string> names;
    if (auto factions = queries.factions())
        for (const auto &f : *factions)
            names[f.id] = f.name;
    auto captions = queries.captionsOn(day);
    return captions ? CaptionBand::lines(day, *captions, names) : QStringList{QString::fromStdString(captions.error().message)};
}

//! One clip, several frames a day, from `first` to `last`, with the date and legend in every frame, and
//! unless `captions` is null, the day's changes in a band below the map.
int renderAnimation(Viewer &viewer, MapRenderer &renderer, frontline::Date first, frontline::Date last, int daysPerSecond,
    const QString &file, QSize size, const CaptionBand *captions, const frontline::Database &db)
{
    if (daysPerSecond < 1 || daysPerSecond > 30)
        return usageError("--days-per-second must be 1 to 30");
    constexpr int kFps = 30;
    AnimationWriter writer;
    if (!writer.open(file, size, kFps))
        return failure(writer.errorString().toStdString());
    for (frontline::Date day = first; day <= last; day = day.addDays(1)) {
        viewer.day.setDate(day);
        const QImage map = renderer.render();
        if (map.isNull())
            return failure("render failed: " + renderer.errorString().toStdString());
        const QImage frame = captions ? captions->compose(map, captionLines(db, day)) : map;
        for (int i = 0; i < kFps / daysPerSecond; ++i)
            if (!writer.write(frame))
                return failure(writer.errorString().toStdString());
    }
    if (!writer.close())
        return failure(writer.errorString().toStdString());
    std::cout << "wrote " << first.daysTo(last) + 1 << " days to " << file.toStdString() << '\n';
    return 0;
}
} // namespace

int renderCommand(const QStringList &args)
{
    Arguments a;
    const QCommandLineOption size{
        QStringLiteral("size"), QStringLiteral("image size"), QStringLiteral("WxH"), QStringLiteral("1600x1000")};
    const auto from = option("from", "first day of an animation", "YYYY-MM-DD");
    const auto to = option("to", "last day of an animation", "YYYY-MM-DD");
    const QCommandLineOption fps{
        QStringLiteral("days-per-second"), QStringLiteral("animation speed"), QStringLiteral("N"), QStringLiteral("2")};
    const auto noAttribution =
        option("no-attribution", "leave out the credit line (dataset, licence, the day's sources, basemap)");
    const auto noCaptions =
        option("no-captions", "videos: leave out the band below the map with the day's changes and their sources");
    if (auto e = a.parse(args,
            {Arguments::kDb, Arguments::kDate, Arguments::kOutput, size, from, to, fps, Arguments::kRenderer, noAttribution,
                noCaptions, Arguments::kVerifiedOnly},
            0, 0))
        return usageError(*e);
    if (!a.isSet(Arguments::kOutput))
        return usageError("-o FILE is required");
    QString error;
    const bool animation = a.isSet(from) || a.isSet(to);
    std::optional<frontline::Date> date, first, last;
    {
        auto db = frontline::Database::open(a.database(), frontline::Database::Mode::ReadOnly);
        if (!db)
            return failure(db.error().message);
        if (animation) {
            first = a.dateInData(from, *db, error);
            last = first ? a.dateInData(to, *db, error) : std::nullopt;
            if (!first || !last)
                return usageError(error);
            if (*last < *first)
                return usageError("--to is before --from");
        } else if (date = a.dateInData(Arguments::kDate, *db, error); !date) {
            return usageError(error);
        }
    }
    const QStringList wh = a.value(size).split('x');
    const QSize pixels = wh.size() == 2 ? QSize(wh[0].toInt(), wh[1].toInt()) : QSize();
    if (pixels.width() < 200 || pixels.height() < 200 || pixels.width() > 10000 || pixels.height() > 10000)
        return usageError(QStringLiteral("invalid --size \"%1\" (expected WxH, each 200 to 10000)").arg(a.value(size)));
    const QString drawing = a.value(Arguments::kRenderer);
    if (drawing != "auto" && drawing != "items" && drawing != "batched")
        return usageError("--renderer: items, batched or auto");
    auto opened = Viewer::open(a.database(),
        drawing == "items"         ? MapDay::Renderer::Items
            : drawing == "batched" ? MapDay::Renderer::Batched
                                   : MapDay::Renderer::Automatic,
        nullptr, a.isSet(Arguments::kVerifiedOnly));
    if (!opened)
        return failure(opened.error().message);
    Viewer &viewer = **opened;
    viewer.exporter.setAttributionShown(!a.isSet(noAttribution));
    const CaptionBand band(pixels);
    const bool captioned = animation && !a.isSet(noCaptions);
    MapRenderer renderer(viewer, captioned ? band.mapSize() : pixels);
    if (!animation && a.value(Arguments::kOutput).endsWith(QStringLiteral(".svg"), Qt::CaseInsensitive)) {
        // The same view as the PNG of the day: the map is laid out once, then drawn as vectors.
        viewer.day.setDate(*date);
        if (renderer.render().isNull())
            return failure("render failed: " + renderer.errorString().toStdString());
        if (!viewer.exporter.exportSvg(
                QUrl::fromLocalFile(a.value(Arguments::kOutput)), renderer.center(), renderer.zoomLevel(), pixels))
            return failure(viewer.notices->last().toStdString());
        return 0;
    }
    if (animation) {
        auto db = a.openForReading();
        if (!db)
            return 1;
        return renderAnimation(viewer, renderer, *first, *last, a.value(fps).toInt(), a.value(Arguments::kOutput), pixels,
            captioned ? &band : nullptr, *db);
    }
    viewer.day.setDate(*date);
    const QImage image = renderer.render();
    if (image.isNull())
        return failure("render failed: " + renderer.errorString().toStdString());
    if (!image.save(a.value(Arguments::kOutput)))
        return failure(
            a.value(Arguments::kOutput).toStdString() + ": cannot write the image (check the folder and the extension)");
    return 0;
}
