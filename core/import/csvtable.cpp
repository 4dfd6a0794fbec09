// SPDX-License-Identifier: MIT
#include "import/csvtable.h"

#include "gdal/ogr.h"
#include "text/utf8.h"

#include <cpl_csv.h>
#include <cpl_error.h>
#include <cpl_string.h>
#include <cpl_vsi.h>
#include <cpl_vsi_virtual.h>

#include <algorithm>
#include <cerrno>
#include <condition_variable>
#include <cstring>
#include <deque>
#include <format>
#include <mutex>
#include <thread>
#include <unordered_map>

namespace frontline {

namespace {
constexpr std::size_t kBatchRows = 4096;
constexpr std::size_t kBatchesAhead = 4;
constexpr std::size_t kMaxRecordBytes = 10'000'000; //!< GDAL's CSV driver's limit too: a longer record is an error

//! Parsed rows: every field's text one after another (empty where not set), with where each ends.
struct Batch {
    std::string text;
    std::vector<std::uint32_t> ends; //!< per field of every row
    std::vector<long> lines; //!< per row
    std::string error; //!< why reading stopped after these rows; empty if it did not
    bool last = false;
};
} // namespace

struct CsvTable::Impl {
    std::filesystem::path path;
    std::string name;
    VSILFILE *file = nullptr;
    char delimiter[2] = ",";
    int fieldCount = 0;
    std::unordered_map<std::string, int> columns; //!< the first field of each name
    std::uintmax_t bytes = 0;
    long headerLines = 1;
    std::string error;

    Batch current;
    std::size_t row = 0; //!< 1 + the current row's index in `current`; 0 before the first
    bool finished = false;

    std::jthread reader;
    std::mutex mutex;
    std::condition_variable_any changed; // any: its waits also end on a stop request
    std::deque<Batch> ready;

    ~Impl()
    {
        if (reader.joinable()) {
            reader.request_stop();
            changed.notify_all();
            reader.join();
        }
        if (file)
            VSIFCloseL(file);
    }

    //! The next record's fields (GDAL's CSV tokenizer: quotes, embedded newlines), or null at the end or on an
    //! error (then CPLGetLastErrorType() says which).
    [[nodiscard]] CPLStringList nextRecord(bool first = false) const
    {
        CPLErrorReset();
        return CPLStringList(CSVReadParseLine3L(file, kMaxRecordBytes, delimiter, true, false, false, first), TRUE);
    }

    //! The reading thread: parses rows into batches until the end, an error, or a stop request.
    void read(const std::stop_token &stop)
    {
        long line = headerLines + 1; // where the next record starts
        for (bool last = false; !last && !stop.stop_requested();) {
            Batch b;
            while (b.lines.size() < kBatchRows) {
                const CPLStringList fields = nextRecord();
                if (!fields.List()) {
                    if (CPLGetLastErrorType() >= CE_Failure)
                        b.error = std::format("{}:{}: cannot read the next record: {}", name, line, CPLGetLastErrorMsg());
                    last = true;
                    break;
                }
                const long start = line;
                line += 1 + linesWithin(fields);
                if (fields.empty()) // a blank line
                    continue;
                b.lines.push_back(start);
                for (int i = 0; i < fieldCount; ++i) {
                    const char *text = i < fields.size() ? fields[i] : "";
                    if (!isValidUtf8(text) && b.error.empty())
                        b.error = std::format(
                            "{}:{}: column \"{}\" is not valid UTF-8 (save the file as UTF-8)", name, start, columnName(i));
                    b.text += text;
                    b.ends.push_back(std::uint32_t(b.text.size()));
                }
                if (!b.error.empty()) { // the row with the bad text is not handed out
                    b.lines.pop_back();
                    b.ends.resize(b.lines.size() * std::size_t(fieldCount));
                    last = true;
                    break;
                }
            }
            b.last = last;
            std::unique_lock lock(mutex);
            changed.wait(lock, stop, [&] { return ready.size() < kBatchesAhead; });
            ready.push_back(std::move(b));
            changed.notify_all();
        }
    }

    //! Line breaks inside quoted fields: the record took that many lines more.
    static long linesWithin(const CPLStringList &fields)
    {
        long n = 0;
        for (const char *field : fields)
            n += std::ranges::count(std::string_view(field), '\n');
        return n;
    }

    [[nodiscard]] std::string columnName(int i) const
    {
        for (const auto &[name, at] : columns)
            if (at == i)
                return name;
        return std::format("field {}", i + 1);
    }

    //! The field at `column` of the current row.
    [[nodiscard]] std::string_view field(int column) const
    {
        const std::size_t at = (row - 1) * std::size_t(fieldCount) + std::size_t(column);
        const std::uint32_t begin = at == 0 ? 0 : current.ends[at - 1];
        return std::string_view(current.text).substr(begin, current.ends[at] - begin);
    }
};

CsvTable::CsvTable(std::unique_ptr<Impl> impl) : m_impl(std::move(impl))
{
}
CsvTable::CsvTable(CsvTable &&) noexcept = default;
CsvTable::~CsvTable() = default;

Result<CsvTable> CsvTable::open(const std::filesystem::path &path, const std::vector<std::string> &required)
{
    ogr::initialize();
    auto impl = std::make_unique<Impl>();
    impl->path = path;
    impl->name = path.filename().string();
    std::error_code ec;
    if (!std::filesystem::is_regular_file(path, ec))
        return fail(std::format("{}: no such file", path.string()));
    impl->bytes = std::filesystem::file_size(path, ec);
    if (impl->bytes == 0)
        return fail(std::format("{}: the file is empty (a header line is required)", path.string()));
    VSILFILE *file = VSIFOpenL(path.c_str(), "rb");
    if (!file)
        return fail(std::format("{}: not a readable CSV file: {}", path.string(), std::strerror(errno)));
    // Buffered, as GDAL's CSV driver reads: its line reader seeks back after each line, which on the plain
    // handle is a system call and a fresh read per line.
    impl->file = reinterpret_cast<VSILFILE *>(VSICreateBufferedReaderHandle(reinterpret_cast<VSIVirtualHandle *>(file)));
    // The separator, as GDAL's CSV driver guesses it: a header with semicolons or tabs and no comma uses them.
    CPLErrorReset();
    if (const char *header = CPLReadLine2L(impl->file, kMaxRecordBytes, nullptr)) {
        const std::string_view h(header);
        if (!h.contains(',') && (h.contains(';') || h.contains('\t')))
            impl->delimiter[0] = h.contains(';') ? ';' : '\t';
    }
    VSIFSeekL(impl->file, 0, SEEK_SET);
    const CPLStringList header = impl->nextRecord(true);
    if (!header.List() || header.empty())
        return fail(std::format(
            "{}: not a readable CSV file{}{}", path.string(), CPLGetLastErrorMsg()[0] ? ": " : "", CPLGetLastErrorMsg()));
    impl->fieldCount = header.size();
    impl->headerLines = 1 + Impl::linesWithin(header);
    for (int i = 0; i < impl->fieldCount; ++i)
        impl->columns.emplace(header[i], i);
    CsvTable table(std::move(impl));
    for (const auto &column : required)
        if (!table.hasColumn(column))
            return fail(std::format("{}:1: missing column \"{}\"", path.string(), column));
    return table;
}

bool CsvTable::next()
{
    Impl &t = *m_impl;
    if (t.finished)
        return false;
    if (t.row < t.current.lines.size()) {
        ++t.row;
        return true;
    }
    if (t.current.last) { // the rows of the last batch are used up
        t.error = t.current.error;
        t.finished = true;
        t.row = 0;
        return false;
    }
    if (!t.reader.joinable()) // the first row: start parsing
        t.reader = std::jthread([&t](const std::stop_token &stop) { t.read(stop); });
    {
        std::unique_lock lock(t.mutex);
        t.changed.wait(lock, [&] { return !t.ready.empty(); });
        t.current = std::move(t.ready.front());
        t.ready.pop_front();
        t.changed.notify_all();
    }
    t.row = 0;
    return next();
}

const std::string &CsvTable::error() const
{
    return m_impl->error;
}

bool CsvTable::hasColumn(const std::string &column) const
{
    return m_impl->columns.contains(column);
}

std::vector<std::string> CsvTable::header() const
{
    std::vector<std::string> names(std::size_t(m_impl->fieldCount));
    for (const auto &[name, i] : m_impl->columns)
        names[std::size_t(i)] = name;
    return names;
}

int CsvTable::column(const std::string &column) const
{
    const auto it = m_impl->columns.find(column);
    return it == m_impl->columns.end() ? -1 : it->second;
}

std::string_view CsvTable::field(int column) const
{
    return column < 0 || m_impl->row == 0 ? std::string_view() : m_impl->field(column);
}

std::string CsvTable::operator[](const std::string &column) const
{
    return std::string(field(this->column(column)));
}

const std::string &CsvTable::name() const
{
    return m_impl->name;
}

std::uintmax_t CsvTable::bytes() const
{
    return m_impl->bytes;
}

long CsvTable::line() const
{
    return m_impl->row ? m_impl->current.lines[m_impl->row - 1] : 1;
}

const std::filesystem::path &CsvTable::path() const
{
    return m_impl->path;
}

std::string CsvTable::where() const
{
    return std::format("{}:{}", m_impl->name, line());
}

} // namespace frontline
