// SPDX-License-Identifier: MIT
#pragma once

#include "viewer/auditmodel.h"
#include "viewer/basemap.h"
#include "viewer/comparemodel.h"
#include "viewer/dataset.h"
#include "viewer/daystate.h"
#include "viewer/incidentmodel.h"
#include "viewer/mapexporter.h"
#include "viewer/notices.h"
#include "viewer/recorddesk.h"
#include "viewer/searchmodel.h"
#include "viewer/selection.h"
#include "viewer/shareclaimmodel.h"
#include "viewer/totalsmodel.h"

#include <QVariantMap>

#include <memory>

class TileSource;

//! The viewer's objects over one open dataset, each with one job, built and connected in one place: what the
//! window and the render command hand to QML, and what the tests drive. Each object reloads itself when the
//! dataset does; the day drives the selection, the comparison, the incidents and the exporter.
struct Viewer {
    //! Opens `path` read-only (drafts hidden if `verifiedOnly`) and reads its first day; `tiles` serves the basemap
    //! (none: no basemap).
    [[nodiscard]] static frontline::Result<std::unique_ptr<Viewer>> open(const std::filesystem::path &path,
        MapDay::Renderer renderer = MapDay::Renderer::Automatic, TileSource *tiles = nullptr, bool verifiedOnly = false);

    //! Each object under the name QML knows it by (Main.qml's and RenderView.qml's required properties).
    [[nodiscard]] QVariantMap qmlProperties();

    std::unique_ptr<Notices> notices; //!< first: every other object reports to it
    std::unique_ptr<Dataset> dataset;
    DayState day;
    Selection selection;
    CompareModel compare;
    IncidentModel incidents;
    TotalsModel totals;
    SearchModel search;
    Basemap basemap;
    MapExporter exporter;
    AuditModel audit;
    ShareClaimModel shareClaims;
    RecordDesk desk;

private:
    Viewer(std::unique_ptr<Notices> reports, std::unique_ptr<Dataset> opened, MapDay::Renderer renderer, TileSource *tiles);
    void outlineCompared();
    void loadClaims();
};
