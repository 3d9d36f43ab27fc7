#pragma once

#include <optional>
#include <string>
#include <utility>
#include <variant>

namespace tassel {

/// Why a fallible call failed: a stable code for programs, a message for people, and where.
/// Positions are 1-based; 0 means "not known". `jsonPath` is a JSON Pointer-like path
/// ("/cells/3/source") when the failure is inside a JSON document.
struct Error
{
    std::string code;
    std::string message;
    std::string file;
    int line = 0;
    int column = 0;
    std::string jsonPath;

    static Error of(std::string code, std::string message, std::string file)
    {
        Error error;
        error.code = std::move(code);
        error.message = std::move(message);
        error.file = std::move(file);
        return error;
    }

    /// "file:line:column: message" — the form compilers use, so editors can jump to it.
    std::string toString() const
    {
        std::string text = file;
        if (line > 0) {
            text += ':' + std::to_string(line);
            if (column > 0)
                text += ':' + std::to_string(column);
        }
        if (!text.empty())
            text += ": ";
        text += message;
        if (!jsonPath.empty())
            text += " (at " + jsonPath + ")";
        return text;
    }

    bool operator==(const Error &) const = default;
};

/// The value of a fallible call or the Error that prevented it. g++ 12 has no std::expected.
template <typename T>
class Result
{
public:
    Result(T value)
        : m_state(std::move(value))
    {
    }
    Result(Error error)
        : m_state(std::move(error))
    {
    }

    bool ok() const { return std::holds_alternative<T>(m_state); }
    explicit operator bool() const { return ok(); }

    const T &value() const & { return std::get<T>(m_state); }
    T &value() & { return std::get<T>(m_state); }
    T &&value() && { return std::get<T>(std::move(m_state)); }
    const T &operator*() const & { return value(); }
    const T *operator->() const { return &value(); }
    T *operator->() { return &value(); }

    const Error &error() const { return std::get<Error>(m_state); }

private:
    std::variant<T, Error> m_state;
};

} // namespace tassel
