// SPDX-License-Identifier: MIT
#include "viewer/selection.h"

#include "geometry/hittest.h"
#include "map/mapstyle.h"
#include "viewer/dataset.h"
#include "viewer/daystate.h"
#include "viewer/displaytext.h"
#include "viewer/notices.h"

using namespace frontline;

Selection::Selection(const Dataset &dataset, const DayState &day, Notices &notices)
    : m_dataset(dataset), m_day(day), m_notices(notices)
{
    connect(&m_dataset, &Dataset::loaded, this, [this] { select(QString()); });
    connect(&m_dataset, &Dataset::edited, this, [this] { // its history as it now stands
        show(m_dataset.district(m_id.toStdString()), m_also);
    });
    connect(&m_day, &DayState::dayChanged, this, &Selection::updateHolder);
}

void Selection::select(const QString &districtId)
{
    show(m_dataset.district(districtId.toStdString()));
}

void Selection::show(const District *district, std::vector<const District *> also)
{
    m_also = district ? std::move(also) : std::vector<const District *>{};
    m_id.clear();
    m_name.clear();
    m_nameArabic.clear();
    m_runs.clear();
    std::vector<HistoryModel::Row> rows;
    std::vector<PathModel::Row> outline;
    std::vector<LogEntry> edits;
    if (district) {
        if (auto log = editlog::read(m_dataset.database(), {.district = district->id}); m_notices.check(log))
            edits = *std::move(log);
        auto history = m_dataset.queries().history(district->id);
        if (m_notices.check(history)) {
            m_id = QString::fromStdString(district->id);
            m_name = shown(district->name);
            m_nameArabic = shown(district->nameArabic);
            for (const auto &[change, evidence] : *history) {
                HistoryModel::Row row;
                row.changeId = QString::fromStdString(change.id);
                row.draft = change.draft;
                row.date = change.date;
                row.summary = controlText(change.state, m_dataset.factionNames(change.factions), ControlWording::Sentence);
                row.confidence = QString::fromStdString(std::string(toString(change.confidence)));
                row.note = shown(change.note);
                row.evidence = new EvidenceModel(evidenceRows(evidence), &m_history);
                QString basis; // what an inferred change rests on: the first inferring source
                for (const auto &e : evidence) {
                    ++(e.stance == Stance::Supports        ? row.supports
                            : e.stance == Stance::Disputes ? row.disputes
                            : e.stance == Stance::Infers   ? row.infers
                                                           : row.context);
                    if (e.stance == Stance::Infers && basis.isEmpty())
                        basis = shown(e.source.publisher) + (e.source.date.empty() ? QString() : ", " + shown(e.source.date));
                }
                row.inferred = change.inferred;
                row.inferredFrom = change.inferred ? tr("Inferred from %1").arg(basis) : QString();
                if (change.draft)
                    row.review = change.recordedBy.empty()
                        ? tr("Draft: not yet verified")
                        : tr("Draft, recorded by %1: not yet verified").arg(shown(change.recordedBy));
                m_runs.emplace_back(row.date, row.summary);
                rows.push_back(std::move(row));
            }
            for (const District *d : m_also)
                for (const auto &part : d->parts)
                    if (!part.empty())
                        outline.push_back({pathOf(part.front()), MapStyle::kChangedToday});
            for (const auto &part : district->parts)
                if (!part.empty())
                    outline.push_back({pathOf(part.front()), MapStyle::kChangedToday});
        }
    }
    m_history.setRows(std::move(rows));
    m_edits.setEntries(edits);
    m_outline.setRows(std::move(outline));
    emit changed();
    updateHolder();
}

void Selection::updateHolder()
{
    const Date today = m_day.date();
    QString holder;
    std::optional<Date> since;
    for (const auto &[date, summary] : m_runs) {
        if (date > today)
            break;
        if (holder != summary)
            since = date;
        holder = summary;
    }
    m_holder = m_id.isEmpty() ? QString() : holder.isEmpty() ? tr("Unknown on this day") : holder;
    m_since = since ? QString::fromStdString(since->toString()) : QString();
    m_history.setToday(today);
    emit holderChanged();
}

bool Selection::selectByName(const QString &key)
{
    return selectByNames({key});
}

bool Selection::selectByNames(const QStringList &keys)
{
    std::vector<const District *> found;
    for (const QString &key : keys) {
        auto id = m_dataset.queries().findDistrict(key.toStdString());
        if (!m_notices.check(id))
            return false;
        if (const District *d = m_dataset.district(*id); std::ranges::find(found, d) == found.end())
            found.push_back(d);
    }
    if (found.empty())
        return false;
    show(found.front(), {found.begin() + 1, found.end()});
    return true;
}

void Selection::selectAt(const QGeoCoordinate &coordinate)
{
    show(districtAt(m_dataset.districts(), {coordinate.longitude(), coordinate.latitude()}));
}

void Selection::toggleAt(const QGeoCoordinate &coordinate)
{
    const District *hit = districtAt(m_dataset.districts(), {coordinate.longitude(), coordinate.latitude()});
    const District *first = m_dataset.district(m_id.toStdString());
    if (!hit)
        return;
    if (!first)
        return show(hit);
    std::vector<const District *> also = m_also;
    if (hit == first) { // the first one out: the next one's history is shown
        if (also.empty())
            return show(nullptr);
        first = also.front();
        also.erase(also.begin());
    } else if (const auto in = std::ranges::find(also, hit); in != also.end()) {
        also.erase(in);
    } else {
        also.push_back(hit);
    }
    show(first, std::move(also));
}

QStringList Selection::districtIds() const
{
    QStringList out;
    if (!m_id.isEmpty())
        out << m_id;
    for (const District *d : m_also)
        out << QString::fromStdString(d->id);
    return out;
}

QStringList Selection::names() const
{
    QStringList out;
    if (!m_id.isEmpty())
        out << m_name;
    for (const District *d : m_also)
        out << shown(d->name);
    return out;
}

int Selection::changeDay(int direction) const
{
    const Date today = m_day.date();
    std::optional<Date> target;
    for (const auto &[date, summary] : m_runs) {
        if (direction > 0 && date > today && (!target || date < *target))
            target = date;
        if (direction < 0 && date < today && (!target || date > *target))
            target = date;
    }
    return target ? m_dataset.first().daysTo(*target) : -1;
}

QGeoCoordinate Selection::anchorOf(const QString &districtId) const
{
    const District *d = m_dataset.district(districtId.toStdString());
    return d ? QGeoCoordinate(d->centroid.lat, d->centroid.lon) : QGeoCoordinate();
}
