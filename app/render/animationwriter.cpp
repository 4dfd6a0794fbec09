// SPDX-License-Identifier: MIT
#include "render/animationwriter.h"

extern "C" {
#include <libavcodec/avcodec.h>
#include <libavformat/avformat.h>
#include <libavutil/imgutils.h>
#include <libavutil/opt.h>
#include <libswscale/swscale.h>
}

struct AnimationWriter::State {
    AVFormatContext *format = nullptr;
    AVCodecContext *codec = nullptr;
    AVStream *stream = nullptr;
    AVFrame *frame = nullptr;
    AVPacket *packet = nullptr;
    SwsContext *scale = nullptr;
    QSize size;
    int64_t next = 0;

    ~State()
    {
        sws_freeContext(scale);
        av_packet_free(&packet);
        av_frame_free(&frame);
        avcodec_free_context(&codec);
        if (format) {
            if (format->pb && !(format->oformat->flags & AVFMT_NOFILE))
                avio_closep(&format->pb);
            avformat_free_context(format);
        }
    }

    //! Sends a frame (or nullptr to flush) and writes whatever packets the encoder has ready.
    bool encode(AVFrame *input) const
    {
        if (avcodec_send_frame(codec, input) < 0)
            return false;
        while (true) {
            const int rc = avcodec_receive_packet(codec, packet);
            if (rc == AVERROR(EAGAIN) || rc == AVERROR_EOF)
                return true;
            if (rc < 0)
                return false;
            av_packet_rescale_ts(packet, codec->time_base, stream->time_base);
            packet->stream_index = stream->index;
            if (av_interleaved_write_frame(format, packet) < 0)
                return false;
        }
    }
};

AnimationWriter::AnimationWriter() = default;
AnimationWriter::~AnimationWriter() = default;

bool AnimationWriter::fail(const QString &message)
{
    m_error = message;
    m_state.reset();
    return false;
}

bool AnimationWriter::open(const QString &file, QSize size, int fps)
{
    av_log_set_level(AV_LOG_ERROR); // the encoders' statistics are not for our users
    m_state = std::make_unique<State>();
    State &s = *m_state;
    s.size = QSize(size.width() & ~1, size.height() & ~1); // 4:2:0 needs even sizes
    const QByteArray name = file.toLocal8Bit();
    if (avformat_alloc_output_context2(&s.format, nullptr, nullptr, name.constData()) < 0 || !s.format)
        return fail(QStringLiteral("%1: no video format for this file name (use .mp4, .mkv or .gif)").arg(file));
    const bool gif = s.format->oformat->video_codec == AV_CODEC_ID_GIF;
    const AVCodec *encoder = gif ? avcodec_find_encoder(AV_CODEC_ID_GIF) : avcodec_find_encoder_by_name("libx264");
    if (!encoder)
        encoder = avcodec_find_encoder(s.format->oformat->video_codec);
    if (!encoder)
        return fail(QStringLiteral("no video encoder available for %1").arg(file));
    s.stream = avformat_new_stream(s.format, nullptr);
    s.codec = avcodec_alloc_context3(encoder);
    s.codec->width = s.size.width();
    s.codec->height = s.size.height();
    s.codec->time_base = AVRational{1, fps};
    s.codec->framerate = AVRational{fps, 1};
    s.codec->pix_fmt = gif ? AV_PIX_FMT_RGB8 : AV_PIX_FMT_YUV420P;
    s.codec->gop_size = fps * 2;
    if (s.format->oformat->flags & AVFMT_GLOBALHEADER)
        s.codec->flags |= AV_CODEC_FLAG_GLOBAL_HEADER;
    if (!gif)
        av_opt_set(s.codec->priv_data, "crf", "20", 0); // maps are flat colour: good quality stays small
    if (avcodec_open2(s.codec, encoder, nullptr) < 0 || avcodec_parameters_from_context(s.stream->codecpar, s.codec) < 0)
        return fail(QStringLiteral("cannot start the %1 encoder").arg(encoder->name));
    s.stream->time_base = s.codec->time_base;
    if (!(s.format->oformat->flags & AVFMT_NOFILE) && avio_open(&s.format->pb, name.constData(), AVIO_FLAG_WRITE) < 0)
        return fail(QStringLiteral("%1: cannot write the file").arg(file));
    if (avformat_write_header(s.format, nullptr) < 0)
        return fail(QStringLiteral("%1: cannot write the header").arg(file));
    s.frame = av_frame_alloc();
    s.frame->format = s.codec->pix_fmt;
    s.frame->width = s.codec->width;
    s.frame->height = s.codec->height;
    s.packet = av_packet_alloc();
    if (av_frame_get_buffer(s.frame, 0) < 0)
        return fail(QStringLiteral("out of memory for video frames"));
    s.scale = sws_getContext(s.size.width(), s.size.height(), AV_PIX_FMT_BGRA, s.size.width(), s.size.height(), s.codec->pix_fmt,
        SWS_BICUBIC, nullptr, nullptr, nullptr);
    return s.scale != nullptr || fail(QStringLiteral("cannot convert frames to the encoder's pixel format"));
}

bool AnimationWriter::write(const QImage &frame)
{
    if (!m_state)
        return false;
    State &s = *m_state;
    const QImage image = frame.convertToFormat(QImage::Format_ARGB32).copy(0, 0, s.size.width(), s.size.height());
    if (av_frame_make_writable(s.frame) < 0)
        return fail(QStringLiteral("cannot reuse the video frame"));
    const uint8_t *source[] = {image.constBits()};
    const int stride[] = {int(image.bytesPerLine())};
    sws_scale(s.scale, source, stride, 0, image.height(), s.frame->data, s.frame->linesize);
    s.frame->pts = s.next++;
    return s.encode(s.frame) || fail(QStringLiteral("the encoder refused a frame"));
}

bool AnimationWriter::close()
{
    if (!m_state)
        return false;
    const bool ok = m_state->encode(nullptr) && av_write_trailer(m_state->format) == 0;
    m_state.reset();
    return ok || fail(QStringLiteral("cannot finish the video file"));
}
