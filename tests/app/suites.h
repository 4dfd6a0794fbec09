// SPDX-License-Identifier: MIT
// The app's Qt Test suites: each registers itself where it is defined, and app_tests runs the one named (or all).
#pragma once

#include <QObject>

#include <memory>
#include <vector>

namespace appsuites {
struct Suite {
    const char *name;
    std::unique_ptr<QObject> (*make)();
};
inline std::vector<Suite> &all()
{
    static std::vector<Suite> suites;
    return suites;
}
struct Registered {
    Registered(const char *name, std::unique_ptr<QObject> (*make)()) { all().push_back({name, make}); }
};
} // namespace appsuites

//! Registers a Qt Test class as a suite of app_tests, under its class name (tests/app/CMakeLists.txt: app_suite).
#define FRONTLINE_APP_SUITE(Class)                                                                                               \
    static const ::appsuites::Registered registered##Class(                                                                      \
        #Class, []() -> std::unique_ptr<QObject> { return std::make_unique<Class>(); })
