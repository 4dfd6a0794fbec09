// SPDX-License-Identifier: MIT
#include "map/picturetexture.h"

#include <rhi/qrhi.h>

void PictureTexture::Release::operator()(QRhiTexture *texture) const
{
    texture->deleteLater();
}

PictureTexture::PictureTexture() = default;
PictureTexture::~PictureTexture() = default;

void PictureTexture::update(const QImage &picture, const QList<QRect> &changed)
{
    if (picture.size() != m_size) {
        m_size = picture.size();
        m_pending = {{QPoint(), picture.copy()}};
        return;
    }
    for (const QRect &r : changed)
        m_pending.append({r.topLeft(), picture.copy(r)});
}

qint64 PictureTexture::comparisonKey() const
{
    return qint64(reinterpret_cast<quintptr>(m_texture ? static_cast<const void *>(m_texture.get()) : this));
}

QRhiTexture *PictureTexture::rhiTexture() const
{
    return m_texture.get();
}

void PictureTexture::commitTextureOperations(QRhi *rhi, QRhiResourceUpdateBatch *updates)
{
    if (m_pending.isEmpty() || m_size.isEmpty())
        return;
    // QImage's premultiplied ARGB is BGRA in memory on little-endian machines: uploaded as it is where the GPU
    // takes BGRA, converted where it does not.
    const bool bgra = QSysInfo::ByteOrder == QSysInfo::LittleEndian && rhi->isTextureFormatSupported(QRhiTexture::BGRA8);
    if (!m_texture || m_texture->pixelSize() != m_size) {
        m_texture.reset(rhi->newTexture(bgra ? QRhiTexture::BGRA8 : QRhiTexture::RGBA8, m_size));
        if (!m_texture->create()) {
            m_texture.reset();
            return;
        }
    }
    QList<QRhiTextureUploadEntry> entries;
    for (Upload &u : m_pending) {
        if (!bgra)
            u.pixels.convertTo(QImage::Format_RGBA8888_Premultiplied);
        QRhiTextureSubresourceUploadDescription part(u.pixels);
        part.setDestinationTopLeft(u.at);
        entries.append({0, 0, part});
    }
    QRhiTextureUploadDescription description;
    description.setEntries(entries.cbegin(), entries.cend());
    updates->uploadTexture(m_texture.get(), description);
    m_pending.clear();
}
