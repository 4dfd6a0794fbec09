// SPDX-License-Identifier: MIT
#include "viewer/viewer.h"

#include <QLoggingCategory>

using namespace frontline;

Result<std::unique_ptr<Viewer>> Viewer::open(const std::filesystem::path &path, Dataset::Renderer renderer, TileSource *tiles)
{
    auto dataset = Dataset::open(path, renderer);
    if (!dataset)
        return std::unexpected(dataset.error());
    std::unique_ptr<Viewer> viewer(new Viewer(std::move(*dataset), tiles));
    if (auto ok = viewer->day.load(); !ok)
        return fail(path.string() + ": " + ok.error().message);
    return viewer;
}

Viewer::Viewer(std::unique_ptr<Dataset> opened, TileSource *tiles)
    : dataset(std::move(opened)), day(*dataset), selection(*dataset, day), compare(day), incidents(day), totals(*dataset),
      search(*dataset), basemap(tiles), exporter(day, basemap)
{
    loadClaims();
    QObject::connect(dataset.get(), &Dataset::loaded, &shareClaims, [this] {
        audit.clear();
        loadClaims();
    });
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
