// SPDX-License-Identifier: MIT
#include "viewer/viewer.h"

#include "map/itemscene.h"

#include <QLoggingCategory>

using namespace frontline;

Result<std::unique_ptr<Viewer>> Viewer::open(const std::filesystem::path &path, MapDay::Renderer renderer, TileSource *tiles)
{
    auto dataset = Dataset::open(path);
    if (!dataset)
        return std::unexpected(dataset.error());
    std::unique_ptr<Viewer> viewer(new Viewer(std::move(*dataset), renderer, tiles));
    if (auto ok = viewer->day.load(); !ok)
        return fail(path.string() + ": " + ok.error().message);
    return viewer;
}

Viewer::Viewer(std::unique_ptr<Dataset> opened, MapDay::Renderer renderer, TileSource *tiles)
    : dataset(std::move(opened)), day(*dataset, renderer), selection(*dataset, day), compare(day), incidents(day),
      totals(*dataset), search(*dataset), basemap(tiles), exporter(day, basemap)
{
    loadClaims();
    QObject::connect(&compare, &CompareModel::compared, day.map(), [this] { outlineCompared(); });
    QObject::connect(day.map(), &MapDay::districtsChanged, &compare, [this] { outlineCompared(); });
    QObject::connect(dataset.get(), &Dataset::loaded, &shareClaims, [this] {
        audit.clear();
        loadClaims();
    });
}

void Viewer::outlineCompared()
{
    if (ItemScene *items = day.map()->items()) // the batched layer outlines nothing
        items->districts()->setCompared(compare.changed());
}

void Viewer::loadClaims()
{
    if (auto loaded = shareClaims.load(dataset->database(), dataset->first(), dataset->colours()); !loaded)
        dataset->setError(QStringLiteral("share claims: %1").arg(QString::fromStdString(loaded.error().message)));
}

QVariantMap Viewer::qmlProperties()
{
    return {{"dataset", QVariant::fromValue(dataset.get())}, {"day", QVariant::fromValue(&day)},
        {"selection", QVariant::fromValue(&selection)}, {"compare", QVariant::fromValue(&compare)},
        {"incidents", QVariant::fromValue(&incidents)}, {"totals", QVariant::fromValue(&totals)},
        {"search", QVariant::fromValue(&search)}, {"basemap", QVariant::fromValue(&basemap)},
        {"exporter", QVariant::fromValue(&exporter)}, {"audit", QVariant::fromValue(&audit)},
        {"shareClaims", QVariant::fromValue(&shareClaims)}};
}
