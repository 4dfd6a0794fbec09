// SPDX-License-Identifier: MIT
#pragma once

#include "query/controlqueries.h"
#include "query/statistics.h"

#include "model/listmodel.h"

#include <QColor>
#include <QVariantList>
#include <QtQml/qqmlregistration.h>

#include <cstdint>

#include <thread>

class Dataset;
class Notices;

//! The days that have changes, and how many: the timeline's marks.
class ChangeDayModel : public ListModel {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("provided by TotalsModel")
public:
    struct Row {
        int day; //!< index from the dataset's first day
        int changes;
    };
    enum Role { DayRole = Qt::UserRole, ChangesRole };

    explicit ChangeDayModel(QObject *parent = nullptr) : ListModel(m_rows, parent) { }
    void setRows(std::vector<Row> rows);
    [[nodiscard]] const std::vector<Row> &rows() const { return m_rows.all(); }

private:
    static const std::vector<ModelRole<Row>> kRoles;
    Rows<Row> m_rows{kRoles};
};

//! Districts per holder per day, for the territory chart: one row per faction and one for contested
//! districts, each with its colour and a count for every day. A long war takes seconds to total: beyond
//! kCountedAtOnce district-days they are counted on a thread of their own (with its own connection), and the
//! map opens first.
class TotalsModel : public ListModel {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("built by the application")
    Q_PROPERTY(bool ready READ ready NOTIFY readyChanged)
    Q_PROPERTY(ChangeDayModel *changeDays READ changeDays CONSTANT)
public:
    struct Row {
        QString holder; //!< a faction id, or "contested"
        QString name;
        QColor colour;
        QVariantList counts; //!< ints, one per day
    };
    enum Role { HolderRole = Qt::UserRole, NameRole, ColourRole, CountsRole };
    Q_ENUM(Role)

    static constexpr std::int64_t kCountedAtOnce = 100'000;

    //! Totals the dataset now, and again whenever it reloads.
    TotalsModel(const Dataset &dataset, Notices &notices);
    ~TotalsModel() override;

    [[nodiscard]] bool ready() const { return m_ready; }
    [[nodiscard]] ChangeDayModel *changeDays() { return &m_changeDays; }
    [[nodiscard]] const std::vector<Row> &rows() const { return m_rows.all(); }

signals:
    void readyChanged();

private:
    void start();
    void set(const frontline::Result<std::vector<frontline::HolderTotal>> &totals,
        const frontline::Result<std::vector<frontline::ChangeDay>> &days);

    const Dataset &m_dataset;
    Notices &m_notices;
    static const std::vector<ModelRole<Row>> kRoles;
    Rows<Row> m_rows{kRoles};
    ChangeDayModel m_changeDays;
    bool m_ready = false;
    int m_generation = 0; //!< which load the worker counts for
    std::jthread m_worker; //!< last: joined before the members it reads are destroyed
};
