// cereal archives for snapshots: a writer into a string and a reader over a byte span that
// bounds every size tag by the bytes left, so no length in a hostile file can force a huge
// allocation. Used only by snapshot.cpp (the one place in core/ that catches exceptions).
#pragma once
#include <cstring>
#include <string>
#include <type_traits>

#include <cereal/cereal.hpp>

namespace kefu::core {

class SnapWriter : public cereal::OutputArchive<SnapWriter, cereal::AllowEmptyClassElision> {
public:
    explicit SnapWriter(std::string& out) : OutputArchive(this), m_out(out) {}
    void saveBinary(const void* data, std::size_t size) { m_out.append(static_cast<const char*>(data), size); }

private:
    std::string& m_out;
};

class SnapReader : public cereal::InputArchive<SnapReader, cereal::AllowEmptyClassElision> {
public:
    SnapReader(const char* data, std::size_t size) : InputArchive(this), m_p(data), m_end(data + size) {}
    void loadBinary(void* data, std::size_t size) {
        if (size > remaining()) throw cereal::Exception("the payload ends early");
        if (size == 0) return; // an empty vector's data() may be null: memcpy(null, ..., 0) is UB
        std::memcpy(data, m_p, size);
        m_p += size;
    }
    std::size_t remaining() const { return std::size_t(m_end - m_p); }

private:
    const char* m_p;
    const char* m_end;
};

template <class T>
std::enable_if_t<std::is_arithmetic_v<T>> CEREAL_SAVE_FUNCTION_NAME(SnapWriter& ar, const T& t) {
    ar.saveBinary(std::addressof(t), sizeof(t));
}
template <class T>
std::enable_if_t<std::is_arithmetic_v<T> && !std::is_same_v<T, bool>> CEREAL_LOAD_FUNCTION_NAME(SnapReader& ar, T& t) {
    ar.loadBinary(std::addressof(t), sizeof(t));
}
// A bool byte other than 0 or 1 is damage, not "true".
inline void CEREAL_LOAD_FUNCTION_NAME(SnapReader& ar, bool& t) {
    unsigned char b = 0;
    ar.loadBinary(&b, 1);
    if (b > 1) throw cereal::Exception("a bool byte holds " + std::to_string(b));
    t = b == 1;
}
template <class T> void CEREAL_SAVE_FUNCTION_NAME(SnapWriter& ar, const cereal::NameValuePair<T>& t) { ar(t.value); }
template <class T> void CEREAL_LOAD_FUNCTION_NAME(SnapReader& ar, cereal::NameValuePair<T>& t) { ar(t.value); }
template <class T> void CEREAL_SAVE_FUNCTION_NAME(SnapWriter& ar, const cereal::SizeTag<T>& t) { ar(t.size); }
// Every element of every container in a snapshot takes at least one byte.
template <class T> void CEREAL_LOAD_FUNCTION_NAME(SnapReader& ar, cereal::SizeTag<T>& t) {
    ar(t.size);
    if (static_cast<unsigned long long>(t.size) > ar.remaining())
        throw cereal::Exception("a length of " + std::to_string(static_cast<unsigned long long>(t.size)) +
                                " exceeds the " + std::to_string(ar.remaining()) + " bytes left");
}
template <class T> void CEREAL_SAVE_FUNCTION_NAME(SnapWriter& ar, const cereal::BinaryData<T>& bd) {
    ar.saveBinary(bd.data, static_cast<std::size_t>(bd.size));
}
template <class T> void CEREAL_LOAD_FUNCTION_NAME(SnapReader& ar, cereal::BinaryData<T>& bd) {
    ar.loadBinary(bd.data, static_cast<std::size_t>(bd.size));
}

} // namespace kefu::core

CEREAL_SETUP_ARCHIVE_TRAITS(kefu::core::SnapReader, kefu::core::SnapWriter)
