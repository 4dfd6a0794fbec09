// SPDX-License-Identifier: MIT
#pragma once

#include "domain/records.h"
#include "model/evidencemodel.h"

#include <QColor>
#include <QObject>
#include <QtQml/qqmlregistration.h>

//! How the map shows control, in one place: the fill of a holder's district (paler for low confidence, paler
//! still when contested), the stripes across it (the other side's colour for a contest, white for an inferred
//! hold), the map's ground, outlines, marks and panels, and the colours of the evidence's stances. The batched
//! layer (through Territory), the item renderer, the SVG export and the QML legend, map and panels all take them
//! from here.
class MapStyle : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_SINGLETON
    Q_PROPERTY(QColor unknown MEMBER kUnknown CONSTANT)
    Q_PROPERTY(QColor noSide MEMBER kNoSide CONSTANT)
    Q_PROPERTY(QColor ground MEMBER kGround CONSTANT)
    Q_PROPERTY(QColor outline MEMBER kOutline CONSTANT)
    Q_PROPERTY(QColor selected MEMBER kSelected CONSTANT)
    Q_PROPERTY(QColor ink MEMBER kInk CONSTANT)
    Q_PROPERTY(QColor panel MEMBER kPanel CONSTANT)
    Q_PROPERTY(QColor panelBorder MEMBER kPanelBorder CONSTANT)
    Q_PROPERTY(QColor inferredStripes MEMBER kInferredStripes CONSTANT)
    Q_PROPERTY(QColor front MEMBER kFront CONSTANT)
    Q_PROPERTY(QColor changedToday MEMBER kChangedToday CONSTANT)
    Q_PROPERTY(QColor compared MEMBER kCompared CONSTANT)
    Q_PROPERTY(QColor incident MEMBER kIncident CONSTANT)
    Q_PROPERTY(double lowConfidenceOpacity MEMBER kLowConfidenceOpacity CONSTANT)
public:
    static inline const QColor kUnknown{0xbd, 0xbd, 0xbd, 160};
    static inline const QColor kNoSide{Qt::gray}; //!< a side with no faction colour: contested totals, an empty legend
    static inline const QColor kGround{0xe8, 0xec, 0xef}; //!< the map under the districts where no basemap is drawn
    static inline const QColor kOutline{Qt::white}; //!< district borders and the marks' rims
    static inline const QColor kSelected{0x11, 0x11, 0x11}; //!< the selected district's border
    static inline const QColor kInk{0x11, 0x11, 0x11}; //!< the date written on the map
    static inline const QColor kPanel{255, 255, 255, 242}; //!< the legend and buttons over the map
    static inline const QColor kPanelBorder{0xb0, 0xb0, 0xb0};
    static inline const QColor kInferredStripes{255, 255, 255, 170};
    static inline const QColor kFront{0x1a, 0x1a, 0x1a};
    static inline const QColor kChangedToday{0xF0, 0xE4, 0x42}; //!< yellow: apart from every faction and the front
    static inline const QColor kCompared{0x00, 0x72, 0xB2};
    static inline const QColor kIncident{0xCC, 0x00, 0x00};
    static constexpr double kLowConfidenceOpacity = 120.0 / 215;

    //! The fill of a district under this control; `holder` is the first side's colour, invalid when unknown.
    [[nodiscard]] static QColor fill(frontline::ControlState state, frontline::Confidence confidence, QColor holder);
    //! The stripes across it: the second side's colour (`otherSide`) for a contest, white for an inferred
    //! hold; invalid for none.
    [[nodiscard]] static QColor stripes(frontline::ControlState state, bool inferred, const QColor &otherSide);
    //! The colour of a piece of evidence's stance (grey for context).
    Q_INVOKABLE static QColor stance(EvidenceModel::Stance stance);
    //! The colour of an audit finding's severity ("error", else a warning).
    Q_INVOKABLE static QColor severity(const QString &severity);
};
