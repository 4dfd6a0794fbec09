// SPDX-License-Identifier: MIT
#pragma once

#include <QImage>
#include <QString>

#include <memory>

//! Encodes images into a video file with FFmpeg's libraries: H.264 in MP4 (or whatever container the
//! file name asks for, e.g. .mkv), or GIF for .gif. Frames must all have the size given at open().
class AnimationWriter {
public:
    AnimationWriter();
    ~AnimationWriter();
    AnimationWriter(const AnimationWriter &) = delete;
    AnimationWriter &operator=(const AnimationWriter &) = delete;

    //! Opens `file` for `size` frames at `fps`; false and errorString() if the format or codec is missing.
    bool open(const QString &file, QSize size, int fps);
    bool write(const QImage &frame);
    //! Flushes the encoder and writes the file's trailer.
    bool close();
    [[nodiscard]] QString errorString() const { return m_error; }

private:
    struct State;
    bool fail(const QString &message);
    std::unique_ptr<State> m_state;
    QString m_error;
};
