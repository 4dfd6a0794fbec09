// SPDX-License-Identifier: MIT
#pragma once

#include <QImage>
#include <QList>
#include <QRect>
#include <QSGTexture>

#include <memory>

class QRhiTexture;

//! A picture on the GPU that takes changed rectangles: a day step uploads the pixels it repainted, not the
//! whole window. For the RHI scene graph (OpenGL, Vulkan, Metal, Direct3D); the software one draws images.
class PictureTexture : public QSGTexture {
public:
    PictureTexture();
    ~PictureTexture() override;

    //! Takes the parts of `picture` to upload before the next frame: `changed`, or all of it when its size
    //! changed. Copies them, so that `picture` can be painted again while the frame renders.
    void update(const QImage &picture, const QList<QRect> &changed);

    [[nodiscard]] qint64 comparisonKey() const override;
    [[nodiscard]] QRhiTexture *rhiTexture() const override;
    [[nodiscard]] QSize textureSize() const override { return m_size; }
    //! An opaque picture is drawn without blending.
    void setOpaque(bool opaque) { m_opaque = opaque; }
    [[nodiscard]] bool hasAlphaChannel() const override { return !m_opaque; }
    [[nodiscard]] bool hasMipmaps() const override { return false; }
    void commitTextureOperations(QRhi *rhi, QRhiResourceUpdateBatch *updates) override;

private:
    struct Upload {
        QPoint at;
        QImage pixels;
    };
    struct Release { // the frame in flight may still read it
        void operator()(QRhiTexture *texture) const;
    };
    std::unique_ptr<QRhiTexture, Release> m_texture;
    QSize m_size;
    bool m_opaque = false;
    QList<Upload> m_pending;
};
