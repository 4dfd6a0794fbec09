// SPDX-License-Identifier: MIT
#include "viewer/incidentmodel.h"

#include "viewer/dataset.h"
#include "viewer/daystate.h"
#include "viewer/displaytext.h"
#include "viewer/notices.h"

using namespace frontline;

IncidentModel::IncidentModel(const DayState &day, Notices &notices) : m_day(day), m_notices(notices)
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
                evidenceList(i.evidence)});
    if (rows.empty() && m_rows.empty())
        return; // most days have none: nothing to redraw
    resetRows(m_rows, std::move(rows));
}

QVariant IncidentModel::value(std::size_t at, int role) const
{
    const Row &row = m_rows[at];
    switch (role) {
    case IdRole: return row.id;
    case PlaceRole: return row.place;
    case PlaceArabicRole: return row.placeArabic;
    case CoordinateRole: return QVariant::fromValue(row.coordinate);
    case LocatedRole: return row.coordinate.isValid();
    case DescriptionRole: return row.description;
    case ConfidenceRole: return row.confidence;
    case LocationConfidenceRole: return row.locationConfidence;
    case EvidenceRole: return row.evidence;
    default: return {};
    }
}

QHash<int, QByteArray> IncidentModel::roleNames() const
{
    return {{IdRole, "incidentId"}, {PlaceRole, "place"}, {PlaceArabicRole, "placeArabic"}, {CoordinateRole, "coordinate"},
        {LocatedRole, "located"}, {DescriptionRole, "description"}, {ConfidenceRole, "confidence"},
        {LocationConfidenceRole, "locationConfidence"}, {EvidenceRole, "evidence"}};
}
