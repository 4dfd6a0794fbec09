// SPDX-License-Identifier: MIT
#pragma once

#include "map/mapday.h"
#include "query/territory.h"
#include "viewer/daychangemodel.h"
#include "viewer/legendmodel.h"

#include <QObject>
#include <QtQml/qqmlregistration.h>

#include <optional>
#include <unordered_map>

class Dataset;
class Notices;

//! The viewer's day, from one source: the Territory's control cursor. Stepping a day applies that day's
//! changes; the legend, the day's list of changes and the map (MapDay, which the renderers draw) are all read
//! from the cursor's state and the changes it applied. Days are exposed to QML as indexes from the dataset's
//! first day, never as JS Dates.
class DayState : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("built by the application")
    Q_PROPERTY(int day READ day WRITE setDay NOTIFY dayChanged)
    Q_PROPERTY(QString dateText READ dateText NOTIFY dayChanged)
    Q_PROPERTY(QString dataEndNote READ dataEndNote NOTIFY dayChanged)
    Q_PROPERTY(int dayChangeCount READ dayChangeCount NOTIFY dayChanged)
    Q_PROPERTY(DayChangeModel *dayChanges READ dayChanges CONSTANT)
    Q_PROPERTY(LegendModel *legend READ legend CONSTANT)
    Q_PROPERTY(MapDay *map READ map CONSTANT)

public:
    //! Call load() before use; reloads by itself when the dataset does. `renderer`: the one asked for, if any.
    DayState(Dataset &dataset, Notices &notices, MapDay::Renderer renderer = MapDay::Renderer::Automatic);

    //! Reads the dataset's control history and shows its first day, or after a reload the day shown before.
    [[nodiscard]] frontline::Result<void> load();

    [[nodiscard]] int day() const;
    void setDay(int day);
    [[nodiscard]] frontline::Date date() const { return m_date; }
    //! Moves to a calendar date: clamped to the first day before the span; after it, the date itself, showing
    //! the span's last state (nothing was recorded since) with dataEndNote saying so.
    void setDate(frontline::Date date);
    [[nodiscard]] QString dateText() const { return QString::fromStdString(m_date.toString()); }
    //! For a date after the span: that the data end on its last day; empty within it.
    [[nodiscard]] QString dataEndNote() const;
    //! How many changes start on the current day, listed or not.
    [[nodiscard]] int dayChangeCount() const { return m_dayChangeCount; }
    //! The changes that start on the current day, the first 500 by name.
    [[nodiscard]] DayChangeModel *dayChanges() { return &m_dayChanges; }
    [[nodiscard]] LegendModel *legend() { return &m_legend; }
    [[nodiscard]] const LegendModel *legend() const { return &m_legend; }
    //! The day as the map draws it.
    [[nodiscard]] MapDay *map() { return &m_map; }
    [[nodiscard]] const MapDay &map() const { return m_map; }

    //! Every district's control on the current day; there is one once a dataset has loaded.
    [[nodiscard]] const frontline::Territory &territory() const
    {
        return *m_territory; // NOLINT(bugprone-unchecked-optional-access): the views ask once `loaded` has told them
    }
    //! The day's front line as lines of points, whichever way the map draws it.
    [[nodiscard]] std::vector<std::vector<frontline::LonLat>> frontLineOfDay() const;
    [[nodiscard]] const Dataset &dataset() const { return m_dataset; }

    Q_INVOKABLE void stepDays(int days) { setDay(day() + days); }
    //! Jumps to a typed date; false (and nothing changes) if it is not YYYY-MM-DD or before the data.
    Q_INVOKABLE bool goToDate(const QString &text);
    //! Jumps to the next (or, with -1, previous) day that has changes.
    Q_INVOKABLE void jumpToChange(int direction);

signals:
    //! A new history was read (the dataset reloaded): what is drawn from the districts must be made again.
    void loaded();
    void dayChanged();

private:
    void moveTo(frontline::Date date);
    void refresh();
    void showLegend();
    void listChanges();
    //! The day list's text for a control: "held by …" or "contested: … / …", and its confidence.
    const DayChangeModel::Row &rowText(std::uint16_t control);

    Dataset &m_dataset;
    Notices &m_notices;
    std::optional<frontline::Territory> m_territory;
    frontline::Date m_date;
    DayChangeModel m_dayChanges;
    LegendModel m_legend;
    MapDay m_map;
    int m_dayChangeCount = 0;
    std::vector<std::uint32_t> m_nameRank; //!< by slot: its place in the natural order of names
    std::vector<std::optional<DayChangeModel::Row>> m_controlTexts; //!< by control number, made when first listed
};
