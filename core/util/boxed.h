#pragma once

#include <memory>

namespace tassel {

/// A value of T kept on the heap, and only once something writes to it: an empty box reads as
/// T{}. Copies copy the value and == compares values (an empty box equals one holding T{}), so
/// a struct with a Boxed member stays a plain value type with defaulted copy and ==. For fields
/// most instances leave empty: the box costs one pointer instead of the fields.
template <typename T>
class Boxed
{
public:
    Boxed() = default;
    Boxed(const Boxed &other)
        : m_value(other.m_value ? std::make_unique<T>(*other.m_value) : nullptr)
    {
    }
    Boxed(Boxed &&) noexcept = default;
    Boxed &operator=(const Boxed &other)
    {
        if (this != &other)
            m_value = other.m_value ? std::make_unique<T>(*other.m_value) : nullptr;
        return *this;
    }
    Boxed &operator=(Boxed &&) noexcept = default;
    ~Boxed() = default;

    /// The value, or a shared T{} when nothing was written.
    const T &get() const { return m_value ? *m_value : empty(); }
    /// The value for writing; allocates it on first use.
    T &edit()
    {
        if (!m_value)
            m_value = std::make_unique<T>();
        return *m_value;
    }
    bool isEmpty() const { return !m_value; }

    bool operator==(const Boxed &other) const { return get() == other.get(); }

private:
    static const T &empty()
    {
        static const T value;
        return value;
    }

    std::unique_ptr<T> m_value;
};

} // namespace tassel
