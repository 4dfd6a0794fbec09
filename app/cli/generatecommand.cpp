// SPDX-License-Identifier: MIT
#include "cli/arguments.h"
#include "cli/subcommands.h"
#include "generate/generator.h"
#include "storage/database.h"

#include <chrono>
#include <format>
#include <iostream>

using namespace frontline;

namespace {
//! A whole number in [0, max] with an optional k/M suffix ("200k", "10M").
std::optional<std::int64_t> count(const QString &text)
{
    QString digits = text.trimmed();
    std::int64_t scale = 1;
    if (digits.endsWith('k', Qt::CaseInsensitive))
        scale = 1'000;
    else if (digits.endsWith('M'))
        scale = 1'000'000;
    if (scale != 1)
        digits.chop(1);
    bool ok = false;
    const qlonglong n = digits.toLongLong(&ok);
    if (!ok || n < 0 || n > 1'000'000'000 / scale)
        return std::nullopt;
    return std::int64_t(n) * scale;
}
} // namespace

int generateCommand(const QStringList &args)
{
    const auto districts = option("districts", "number of districts", "N");
    const auto days = option("days", "number of days", "D");
    const auto changes = option("changes", "number of changes", "M");
    const auto factions = option("factions", "number of factions", "K");
    const auto seed = option("seed", "random seed", "S");
    Arguments a;
    if (auto e = a.parse(args, {districts, days, changes, factions, seed, Arguments::kOutput}, 0, 0))
        return usageError(*e);
    if (!a.isSet(Arguments::kOutput))
        return usageError("generate: -o DB is required");
    GeneratorOptions o;
    std::int64_t randomSeed = std::int64_t(o.seed);
    for (auto [option, field] : {std::pair{&districts, &o.districts}, {&days, &o.days}, {&factions, &o.factions}}) {
        auto n = a.isSet(*option) ? count(a.value(*option)) : std::optional<std::int64_t>(*field);
        if (!n || *n > std::numeric_limits<int>::max())
            return usageError(QStringLiteral("--%1: not a number: %2").arg(option->names().first(), a.value(*option)));
        *field = int(*n);
    }
    for (auto [option, field] : {std::pair{&changes, &o.changes}, {&seed, &randomSeed}}) {
        auto n = a.isSet(*option) ? count(a.value(*option)) : std::optional<std::int64_t>(*field);
        if (!n)
            return usageError(QStringLiteral("--%1: not a number: %2").arg(option->names().first(), a.value(*option)));
        *field = *n;
    }
    o.seed = std::uint64_t(randomSeed);
    const std::filesystem::path path = a.value(Arguments::kOutput).toStdString();
    std::error_code ec;
    if (std::filesystem::exists(path, ec))
        return failure(path.string() + ": already exists; refusing to overwrite it");
    const auto started = std::chrono::steady_clock::now();
    auto summary = [&]() -> Result<ImportSummary> {
        auto db = Database::open(path, Database::Mode::Create);
        if (!db)
            return std::unexpected(db.error());
        return generateDataset(*db, o);
    }();
    if (!summary) {
        std::filesystem::remove(path, ec);
        return failure(summary.error().message);
    }
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    std::cout << std::format("{}: {} in {:.1f} s, {:.0f} MB\n", path.string(), summary->toString(), seconds,
        double(std::filesystem::file_size(path, ec)) / 1e6);
    return 0;
}
