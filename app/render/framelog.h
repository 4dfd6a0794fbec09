// SPDX-License-Identifier: MIT
#pragma once

#include <QElapsedTimer>
#include <QObject>
#include <QString>

#include <functional>
#include <vector>

class QQuickWindow;

//! Records every frame a window shows: the wall time since the one before, the scene graph's own timing of
//! it (Qt's qt.scenegraph.time.renderloop) and the day on screen. Writes them as CSV, with a summary on
//! standard error, when destroyed (`frontline --frame-times FILE`).
class FrameLog : public QObject {
    Q_OBJECT
public:
    FrameLog(QQuickWindow *window, std::function<int()> day, QString path);
    ~FrameLog() override;

private:
    struct Frame {
        double atMs, intervalMs, sceneGraphMs; //!< sceneGraphMs < 0: not reported
        int day;
    };
    void swapped();

    std::function<int()> m_day;
    QString m_path;
    QElapsedTimer m_clock;
    std::vector<Frame> m_frames;
};
