// SPDX-License-Identifier: MIT
#include "viewer/viewer.h"

#include "map/itemscene.h"

using namespace frontline;

Result<std::unique_ptr<Viewer>> Viewer::open(
    const std::filesystem::path &path, MapDay::Renderer renderer, TileSource *tiles, bool verifiedOnly)
{
    auto notices = std::make_unique<Notices>();
    auto dataset = Dataset::open(path, *notices, verifiedOnly);
    if (!dataset)
        return std::unexpected(dataset.error());
    std::unique_ptr<Viewer> viewer(new Viewer(std::move(notices), std::move(*dataset), renderer, tiles));
    if (auto ok = viewer->day.load(); !ok)
        return fail(path.string() + ": " + ok.error().message);
    return viewer;
}

Viewer::Viewer(std::unique_ptr<Notices> reports, std::unique_ptr<Dataset> opened, MapDay::Renderer renderer, TileSource *tiles)
    : notices(std::move(reports)), dataset(std::move(opened)), day(*dataset, *notices, renderer),
      selection(*dataset, day, *notices), compare(day, *notices), incidents(day, *notices), totals(*dataset, *notices),
      search(*dataset, *notices), basemap(tiles, *notices), exporter(day, basemap, *notices), audit(*dataset, *notices),
      desk(*dataset, *notices)
{
    loadClaims();
    QObject::connect(&compare, &CompareModel::compared, day.map(), [this] { outlineCompared(); });
    QObject::connect(day.map(), &MapDay::districtsChanged, &compare, [this] { outlineCompared(); });
    QObject::connect(dataset.get(), &Dataset::loaded, &shareClaims, [this] { loadClaims(); });
}

void Viewer::outlineCompared()
{
    if (ItemScene *items = day.map()->items()) // the batched layer outlines nothing
        items->districts()->setCompared(compare.changed());
}

void Viewer::loadClaims()
{
    notices->check(shareClaims.load(dataset->database(), dataset->first(), dataset->colours()), QStringLiteral("share claims"));
}

QVariantMap Viewer::qmlProperties()
{
    return {{"notices", QVariant::fromValue(notices.get())}, {"dataset", QVariant::fromValue(dataset.get())},
        {"day", QVariant::fromValue(&day)}, {"selection", QVariant::fromValue(&selection)},
        {"compare", QVariant::fromValue(&compare)}, {"incidents", QVariant::fromValue(&incidents)},
        {"totals", QVariant::fromValue(&totals)}, {"search", QVariant::fromValue(&search)},
        {"basemap", QVariant::fromValue(&basemap)}, {"exporter", QVariant::fromValue(&exporter)},
        {"audit", QVariant::fromValue(&audit)}, {"shareClaims", QVariant::fromValue(&shareClaims)},
        {"desk", QVariant::fromValue(&desk)}};
}
