// SPDX-License-Identifier: MIT
#pragma once

#include <expected>
#include <string>

namespace frontline {

//! What went wrong, in words for the user: names the file, line or feature and the problem.
struct Error {
    std::string message;
};

template <typename T>
using Result = std::expected<T, Error>;

[[nodiscard]] inline std::unexpected<Error> fail(std::string message)
{
    return std::unexpected(Error{std::move(message)});
}

} // namespace frontline
