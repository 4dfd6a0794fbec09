// SPDX-License-Identifier: MIT
#include "viewer/notices.h"

#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcNotices, "frontline.notices")

void Notices::report(const QString &text)
{
    qCWarning(lcNotices) << text;
    m_last = text;
    emit posted(text);
}
