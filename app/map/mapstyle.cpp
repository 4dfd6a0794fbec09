// SPDX-License-Identifier: MIT
#include "map/mapstyle.h"

using namespace frontline;
using namespace Qt::StringLiterals;

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

QColor MapStyle::stance(const QString &stance)
{
    if (stance == u"supports")
        return {0x1b, 0x7f, 0x3b};
    if (stance == u"disputes")
        return {0xb3, 0x26, 0x1e};
    if (stance == u"infers")
        return {0x6a, 0x3d, 0x9a};
    return {0x6b, 0x6b, 0x6b};
}

QColor MapStyle::severity(const QString &severity)
{
    return severity == u"error" ? stance(u"disputes"_s) : QColor(0xa8, 0x6b, 0x00);
}
