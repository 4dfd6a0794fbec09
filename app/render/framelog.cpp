// SPDX-License-Identifier: MIT
#include "render/framelog.h"

#include <QFile>
#include <QLoggingCategory>
#include <QQuickWindow>
#include <QRegularExpression>

#include <algorithm>
#include <atomic>
#include <format>
#include <iostream>
#include <string_view>

namespace {
// The render loop reports each frame from its own thread; the latest report waits here for the swap.
std::atomic<double> g_lastRenderMs{-1};
QtMessageHandler g_previousHandler = nullptr;

void takeRenderLoopTiming(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    static const QRegularExpression frame(QStringLiteral("[Ff]rame (?:rendered|prepared).* in (\\d+(?:\\.\\d+)?)\\s*ms"));
    if (std::string_view(context.category ? context.category : "").starts_with("qt.scenegraph.time")) {
        if (auto m = frame.match(message); m.hasMatch())
            g_lastRenderMs = m.captured(1).toDouble();
        return;
    }
    if (g_previousHandler)
        g_previousHandler(type, context, message);
}

std::string percentiles(std::vector<double> ms)
{
    if (ms.empty())
        return "none";
    std::ranges::sort(ms);
    auto at = [&](double q) { return ms[std::min(ms.size() - 1, std::size_t(q * double(ms.size())))]; };
    return std::format("p50 {:.1f} ms, p99 {:.1f} ms, max {:.1f} ms ({} frames)", at(0.5), at(0.99), ms.back(), ms.size());
}
} // namespace

FrameLog::FrameLog(QQuickWindow *window, std::function<int()> day, QString path)
    : QObject(window), m_day(std::move(day)), m_path(std::move(path))
{
    QLoggingCategory::setFilterRules(QStringLiteral("qt.scenegraph.time.renderloop.debug=true"));
    g_previousHandler = qInstallMessageHandler(takeRenderLoopTiming);
    m_clock.start();
    connect(window, &QQuickWindow::frameSwapped, this, &FrameLog::swapped); // queued from a render thread
}

void FrameLog::swapped()
{
    const double now = double(m_clock.nsecsElapsed()) / 1e6;
    const double interval = m_frames.empty() ? 0 : now - m_frames.back().atMs;
    m_frames.push_back({now, interval, g_lastRenderMs.exchange(-1), m_day()});
}

FrameLog::~FrameLog()
{
    qInstallMessageHandler(g_previousHandler);
    QFile out(m_path);
    if (!out.open(QIODevice::WriteOnly | QIODevice::Truncate | QIODevice::Text)) {
        std::cerr << "frontline: cannot write " << m_path.toStdString() << ": " << out.errorString().toStdString() << '\n';
        return;
    }
    out.write("frame,at_ms,interval_ms,scenegraph_ms,day,day_changed\n");
    std::vector<double> all, steps, sceneGraph;
    for (std::size_t i = 0; i < m_frames.size(); ++i) {
        const Frame &f = m_frames[i];
        const bool stepped = i > 0 && f.day != m_frames[i - 1].day;
        out.write(std::format("{},{:.2f},{:.2f},{},{},{}\n", i, f.atMs, f.intervalMs,
            f.sceneGraphMs < 0 ? std::string() : std::format("{:.0f}", f.sceneGraphMs), f.day, int(stepped))
                .c_str());
        if (i == 0)
            continue;
        all.push_back(f.intervalMs);
        if (stepped)
            steps.push_back(f.intervalMs);
        if (f.sceneGraphMs >= 0)
            sceneGraph.push_back(f.sceneGraphMs);
    }
    std::cerr << std::format("frontline: frame times in {}\n  every frame: {}\n  frames with a new day: {}\n"
                             "  scene graph render time: {}\n",
        m_path.toStdString(), percentiles(all), percentiles(steps), percentiles(sceneGraph));
}
