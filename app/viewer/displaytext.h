// SPDX-License-Identifier: MIT
#pragma once

#include "domain/records.h"
#include "model/evidencemodel.h"

#include <QString>

#include <string>
#include <vector>

//! Dataset text as the viewer shows it: without bidi overrides (which can make text read differently from
//! what it says) and cut at a length a panel can lay out; the rest is announced, not silently dropped.
[[nodiscard]] QString shown(const std::string &text);

//! How a control reads in the panels. `names` gives each faction's display name, in the control's order.
enum class ControlWording {
    Sentence, //!< "Held by X" / "Contested: X / Y" (a district's history)
    Phrase, //!< "held by X" / "contested: X / Y" (the day's list)
    Holder, //!< "X" / "contested: X / Y" (compare mode)
};
[[nodiscard]] QString controlText(frontline::ControlState state, const QStringList &names, ControlWording wording);

//! A change's or an incident's evidence as the panels show it.
[[nodiscard]] std::vector<EvidenceModel::Row> evidenceRows(const std::vector<frontline::Evidence> &evidence);
