// SPDX-License-Identifier: MIT
#pragma once

#include "map/pathmodel.h"
#include "viewer/editsmodel.h"
#include "viewer/historymodel.h"

#include <QGeoCoordinate>
#include <QObject>
#include <QtQml/qqmlregistration.h>

class Dataset;
class DayState;
class Notices;

//! The district the user picked, with its history and sources and who held it on the viewer's day.
class Selection : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("built by the application")
    Q_PROPERTY(QString districtId READ districtId WRITE select NOTIFY changed)
    //! Every selected district: the one whose history is shown first, then those shift-clicked with it.
    Q_PROPERTY(QStringList districtIds READ districtIds NOTIFY changed)
    //! Their names, in the same order.
    Q_PROPERTY(QStringList names READ names NOTIFY changed)
    Q_PROPERTY(QString name READ name NOTIFY changed)
    Q_PROPERTY(QString nameArabic READ nameArabic NOTIFY changed)
    //! "Held by …" or "Contested: …" on the viewer's day, or that it is unknown then.
    Q_PROPERTY(QString holder READ holder NOTIFY holderChanged)
    //! The day the holder took it (the first of the run of changes with the same sides).
    Q_PROPERTY(QString since READ since NOTIFY holderChanged)
    Q_PROPERTY(HistoryModel *history READ history CONSTANT)
    //! Its entries in the edit log, newest first (the panel's Edits view).
    Q_PROPERTY(EditsModel *edits READ edits CONSTANT)
    //! The outer ring of each part, for the batched map to draw the selection.
    Q_PROPERTY(PathModel *outline READ outline CONSTANT)

public:
    Selection(const Dataset &dataset, const DayState &day, Notices &notices);

    [[nodiscard]] QString districtId() const { return m_id; }
    [[nodiscard]] QStringList districtIds() const;
    [[nodiscard]] QStringList names() const;
    [[nodiscard]] QString name() const { return m_name; }
    [[nodiscard]] QString nameArabic() const { return m_nameArabic; }
    [[nodiscard]] QString holder() const { return m_holder; }
    [[nodiscard]] QString since() const { return m_since; }
    [[nodiscard]] HistoryModel *history() { return &m_history; }
    [[nodiscard]] EditsModel *edits() { return &m_edits; }
    [[nodiscard]] PathModel *outline() { return &m_outline; }

    //! Selects a district by id; an empty or unknown id clears the selection.
    Q_INVOKABLE void select(const QString &districtId);
    //! Selects a district by id or any of its names; false (and a notice) if none or several match.
    bool selectByName(const QString &key);
    //! Selects several districts, the first one's history shown; false (and a notice) if one is unknown or ambiguous.
    bool selectByNames(const QStringList &keys);
    //! Selects the district under a map coordinate (or clears the selection), hit-tested on the polygons in memory.
    Q_INVOKABLE void selectAt(const QGeoCoordinate &coordinate);
    //! Adds the district under a map coordinate to the selection, or takes it out if it is in (shift-click).
    Q_INVOKABLE void toggleAt(const QGeoCoordinate &coordinate);
    //! The day (index from the first) of the selected district's next (or, with -1, previous) change; -1 if none.
    Q_INVOKABLE int changeDay(int direction) const;
    //! The representative point of a district (inside it), for tests and labels.
    Q_INVOKABLE QGeoCoordinate anchorOf(const QString &districtId) const;

signals:
    void changed();
    void holderChanged();

private:
    //! Shows `district`'s history and outline; null clears the selection, `also` the districts selected with it.
    void show(const frontline::District *district, std::vector<const frontline::District *> also = {});
    void updateHolder();

    const Dataset &m_dataset;
    const DayState &m_day;
    Notices &m_notices;
    QString m_id, m_name, m_nameArabic, m_holder, m_since;
    std::vector<const frontline::District *> m_also; //!< selected with it, in the order they were added
    std::vector<std::pair<frontline::Date, QString>> m_runs; //!< (date, summary) of each change, oldest first
    HistoryModel m_history;
    EditsModel m_edits;
    PathModel m_outline;
};
