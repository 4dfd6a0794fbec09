// SPDX-License-Identifier: MIT
#pragma once

#include "query/controlindex.h"

#include "model/listmodel.h"

#include <QSet>
#include <QtQml/qqmlregistration.h>

class DayState;
class Notices;

//! Compare mode: the districts whose control differs between the viewer's day and another, each with
//! what it was then and is now. The item renderer outlines them.
class CompareModel : public ListModel {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("built by the application")
    //! The day compared with the viewer's (index from the first day), or -1 when not comparing.
    Q_PROPERTY(int compareDay READ compareDay WRITE setCompareDay NOTIFY compareDayChanged)
    Q_PROPERTY(QString compareDateText READ compareDateText NOTIFY compareDayChanged)
    //! How many districts differ; the list holds the first kListed of them.
    Q_PROPERTY(int changedCount READ changedCount NOTIFY compared)

public:
    static constexpr int kListed = 2000;
    struct Row {
        QString districtId, name, before, after;
    };
    enum Role { DistrictIdRole = Qt::UserRole, NameRole, BeforeRole, AfterRole };
    Q_ENUM(Role)

    CompareModel(DayState &day, Notices &notices);

    [[nodiscard]] int compareDay() const { return m_compareDay; }
    void setCompareDay(int day);
    [[nodiscard]] QString compareDateText() const;
    [[nodiscard]] int changedCount() const { return m_changedCount; }
    [[nodiscard]] const std::vector<Row> &rows() const { return m_rows.all(); }
    //! The ids of every district that differs, listed or not.
    [[nodiscard]] const QSet<QString> &changed() const { return m_changed; }

signals:
    void compareDayChanged();
    void compared(); //!< the differing districts were counted again

private:
    void refresh();
    [[nodiscard]] QString describe(std::uint16_t control) const;

    DayState &m_day;
    Notices &m_notices;
    int m_compareDay = -1;
    frontline::ControlVector m_then; //!< the compared day's state, read once per compared day
    static const std::vector<ModelRole<Row>> kRoles;
    Rows<Row> m_rows{kRoles};
    QSet<QString> m_changed;
    int m_changedCount = 0;
};
