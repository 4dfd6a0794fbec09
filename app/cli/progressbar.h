// SPDX-License-Identifier: MIT
#pragma once

#include <cstdio>
#include <string>
#include <string_view>

#include <unistd.h>

//! A one-line progress bar on stderr, drawn only when stderr is a terminal.
class ProgressBar {
public:
    explicit ProgressBar(bool enabled = true) : m_enabled(enabled && isatty(STDERR_FILENO)) { }
    ~ProgressBar()
    {
        if (m_drawn)
            std::fputs("\r\033[K", stderr);
    }
    ProgressBar(const ProgressBar &) = delete;
    ProgressBar &operator=(const ProgressBar &) = delete;

    void update(std::string_view phase, std::size_t done, std::size_t total)
    {
        if (!m_enabled || total == 0)
            return;
        constexpr int kWidth = 30;
        const int filled = int(done * kWidth / total);
        if (filled == m_filled && phase == m_phase && done != total)
            return; // redraw only when the bar moves
        m_filled = filled;
        m_phase = phase;
        std::fprintf(stderr, "\r%-9.*s [%s%s] %zu/%zu", int(phase.size()), phase.data(), std::string(filled, '#').c_str(),
            std::string(kWidth - filled, ' ').c_str(), done, total);
        std::fflush(stderr);
        m_drawn = true;
    }

private:
    bool m_enabled;
    bool m_drawn = false;
    int m_filled = -1;
    std::string m_phase;
};
