// Errors as values for core/: Expected<T> holds a value or an Error message.
// core/ never throws across its API; the only try/catch sits at the snapshot decoder.
#pragma once
#include <string>
#include <utility>
#include <variant>

namespace kefu::core {

// `message` is English (the CLI prints it); `zh` is the same in Chinese for errors the page can
// show (errorText() in explain.h picks), empty when there is only English.
struct Error {
    std::string message;
    std::string zh = {};
};

template <class T>
class Expected {
public:
    Expected(T value) : m_v(std::move(value)) {}
    Expected(Error error) : m_v(std::move(error)) {}
    bool ok() const { return m_v.index() == 0; }
    explicit operator bool() const { return ok(); }
    T& value() { return std::get<0>(m_v); }
    const T& value() const { return std::get<0>(m_v); }
    T& operator*() { return value(); }
    const T& operator*() const { return value(); }
    T* operator->() { return &value(); }
    const T* operator->() const { return &value(); }
    const std::string& error() const { return std::get<1>(m_v).message; }
    // The whole error, both languages, to pass on unchanged.
    const Error& failure() const { return std::get<1>(m_v); }

private:
    std::variant<T, Error> m_v;
};

} // namespace kefu::core
