// SPDX-License-Identifier: MIT
#include "map/mapstyle.h"

using namespace frontline;

QColor MapStyle::fill(ControlState state, Confidence confidence, QColor holder)
{
    if (!holder.isValid())
        return kUnknown;
    // Contested: a pale first side under the other's stripes; low confidence paler than the rest, so a reader
    // sees at once where the mapping is a judgement.
    holder.setAlpha(state == ControlState::Contested ? 110 : confidence == Confidence::Low ? 120 : 215);
    return holder;
}

QColor MapStyle::stripes(ControlState state, bool inferred, const QColor &otherSide)
{
    if (state == ControlState::Contested)
        return otherSide;
    return inferred ? kInferredStripes : QColor();
}
