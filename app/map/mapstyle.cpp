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

QColor MapStyle::stance(EvidenceModel::Stance stance)
{
    switch (stance) {
    case EvidenceModel::Supports: return {0x1b, 0x7f, 0x3b};
    case EvidenceModel::Disputes: return {0xb3, 0x26, 0x1e};
    case EvidenceModel::Infers: return {0x6a, 0x3d, 0x9a};
    case EvidenceModel::Context: break;
    }
    return {0x6b, 0x6b, 0x6b};
}

QColor MapStyle::severity(const QString &severity)
{
    return severity == u"error" ? stance(EvidenceModel::Disputes) : QColor(0xa8, 0x6b, 0x00);
}
