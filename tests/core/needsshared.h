// SPDX-License-Identifier: MIT
#pragma once

#include "common/shareddata.h"

#include <gtest/gtest.h>

//! Skips the test (or fails it, where the data are required) unless `relative` is in the shared data.
#define FRONTLINE_NEEDS_SHARED(relative)                                                                                         \
    do {                                                                                                                         \
        if (const std::string missing = ::frontline::test::missingShared(relative); !missing.empty()) {                          \
            if (::frontline::test::sharedRequired())                                                                             \
                FAIL() << missing;                                                                                               \
            GTEST_SKIP() << missing;                                                                                             \
        }                                                                                                                        \
    } while (false)
