// SPDX-License-Identifier: MIT
#include "domain/records.h"

#include <array>
#include <utility>

namespace frontline {

namespace {
template <typename E, std::size_t N>
std::optional<E> lookup(const std::array<std::pair<E, std::string_view>, N> &names, std::string_view text)
{
    for (const auto &[value, name] : names)
        if (name == text)
            return value;
    return std::nullopt;
}

template <typename E, std::size_t N>
std::string_view nameOf(const std::array<std::pair<E, std::string_view>, N> &names, E value)
{
    for (const auto &[v, name] : names)
        if (v == value)
            return name;
    return {};
}

constexpr std::array kStates{
    std::pair{ControlState::Held, std::string_view("held")}, std::pair{ControlState::Contested, std::string_view("contested")}};
constexpr std::array kConfidences{std::pair{Confidence::High, std::string_view("high")},
    std::pair{Confidence::Medium, std::string_view("medium")}, std::pair{Confidence::Low, std::string_view("low")}};
constexpr std::array kStances{std::pair{Stance::Supports, std::string_view("supports")},
    std::pair{Stance::Disputes, std::string_view("disputes")}, std::pair{Stance::Context, std::string_view("context")},
    std::pair{Stance::Infers, std::string_view("infers")}};
constexpr std::array kKinds{
    std::pair{ExcerptKind::Quote, std::string_view("quote")}, std::pair{ExcerptKind::Note, std::string_view("note")}};
} // namespace

std::string_view toString(ControlState v)
{
    return nameOf(kStates, v);
}
std::string_view toString(Confidence v)
{
    return nameOf(kConfidences, v);
}
std::string_view toString(Stance v)
{
    return nameOf(kStances, v);
}
std::string_view toString(ExcerptKind v)
{
    return nameOf(kKinds, v);
}
std::optional<ControlState> parseControlState(std::string_view t)
{
    return lookup(kStates, t);
}
std::optional<Confidence> parseConfidence(std::string_view t)
{
    return lookup(kConfidences, t);
}
std::optional<Stance> parseStance(std::string_view t)
{
    return lookup(kStances, t);
}
std::optional<ExcerptKind> parseExcerptKind(std::string_view t)
{
    return lookup(kKinds, t);
}

} // namespace frontline
