// SPDX-License-Identifier: MIT
#include "viewer/incidentmodel.h"

#include "viewer/dataset.h"
#include "viewer/daystate.h"
#include "viewer/displaytext.h"
#include "viewer/notices.h"

using namespace frontline;
using Row = IncidentModel::Row;

const std::vector<ModelRole<Row>> IncidentModel::kRoles = {
    {IdRole, "incidentId", &Row::id},
    {PlaceRole, "place", &Row::place},
    {PlaceArabicRole, "placeArabic", &Row::placeArabic},
    {CoordinateRole, "coordinate", &Row::coordinate},
    {LocatedRole, "located", [](const Row &row) { return QVariant(row.coordinate.isValid()); }},
    {DescriptionRole, "description", &Row::description},
    {ConfidenceRole, "confidence", &Row::confidence},
    {LocationConfidenceRole, "locationConfidence", &Row::locationConfidence},
    {EvidenceRole, "evidence", &Row::evidence},
};

IncidentModel::IncidentModel(const DayState &day, Notices &notices) : ListModel(m_rows), m_day(day), m_notices(notices)
{
    connect(&m_day, &DayState::dayChanged, this, &IncidentModel::refresh);
    refresh();
}

void IncidentModel::refresh()
{
    std::vector<Row> rows;
    if (auto incidents = m_day.dataset().queries().incidentsOn(m_day.date()); m_notices.check(incidents))
        for (const auto &i : *incidents)
            rows.push_back({QString::fromStdString(i.id), shown(i.place), shown(i.placeArabic),
                i.at ? QGeoCoordinate(i.at->lat, i.at->lon) : QGeoCoordinate(), shown(i.description),
                QString::fromStdString(std::string(toString(i.confidence))), shown(i.locationConfidence),
                new EvidenceModel(evidenceRows(i.evidence), this)});
    if (rows.empty() && m_rows.all().empty())
        return; // most days have none: nothing to redraw
    for (const Row &row : m_rows.all())
        row.evidence->deleteLater(); // once the views have let go of it
    resetRows(m_rows, std::move(rows));
}
