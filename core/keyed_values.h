// A small map from text keys to values, kept as a vector sorted by key. An agent's scores and
// ranks are a handful of entries each, written for every agent of every evaluation: a tree node
// per entry made them a noticeable share of an evaluation's allocations. Reads like the
// std::map<std::string, V> it replaces (same order, same lookups) and converts to one; unlike a
// map, adding a key may move the entries, so references and iterators do not survive an insert.
#pragma once
#include <algorithm>
#include <initializer_list>
#include <map>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace kefu::core {

template <class V>
class KeyedValues {
public:
    using key_type = std::string;
    using mapped_type = V;
    using value_type = std::pair<std::string, V>;
    using size_type = size_t;
    using iterator = typename std::vector<value_type>::iterator;
    using const_iterator = typename std::vector<value_type>::const_iterator;

    KeyedValues() = default;
    KeyedValues(std::initializer_list<value_type> items) {
        for (const auto& item : items) insert(item);
    }
    KeyedValues(const std::map<std::string, V>& m) : m_items(m.begin(), m.end()) {}
    operator std::map<std::string, V>() const { return {m_items.begin(), m_items.end()}; }

    iterator begin() { return m_items.begin(); }
    iterator end() { return m_items.end(); }
    const_iterator begin() const { return m_items.begin(); }
    const_iterator end() const { return m_items.end(); }
    const_iterator cbegin() const { return m_items.cbegin(); }
    const_iterator cend() const { return m_items.cend(); }
    bool empty() const { return m_items.empty(); }
    size_t size() const { return m_items.size(); }
    void clear() { m_items.clear(); }

    iterator find(std::string_view key) {
        auto it = lowerBound(key);
        return it != end() && it->first == key ? it : end();
    }
    const_iterator find(std::string_view key) const { return const_cast<KeyedValues*>(this)->find(key); }
    size_t count(std::string_view key) const { return find(key) == end() ? 0 : 1; }
    bool contains(std::string_view key) const { return find(key) != end(); }
    V& at(std::string_view key) {
        auto it = find(key);
        if (it == end()) throw std::out_of_range("no value for key '" + std::string(key) + "'");
        return it->second;
    }
    const V& at(std::string_view key) const { return const_cast<KeyedValues*>(this)->at(key); }
    V& operator[](std::string_view key) { return tryEmplace(key, V{}).first->second; }

    // Like std::map: an existing key keeps its value (insert, emplace) or takes the new one.
    std::pair<iterator, bool> insert(const value_type& item) { return tryEmplace(item.first, item.second); }
    std::pair<iterator, bool> emplace(std::string_view key, V value) { return tryEmplace(key, std::move(value)); }
    std::pair<iterator, bool> insert_or_assign(std::string_view key, V value) {
        auto r = tryEmplace(key, value);
        if (!r.second) r.first->second = std::move(value);
        return r;
    }
    size_t erase(std::string_view key) {
        auto it = find(key);
        if (it == end()) return 0;
        m_items.erase(it);
        return 1;
    }
    iterator erase(const_iterator pos) { return m_items.erase(pos); }

    friend bool operator==(const KeyedValues& a, const KeyedValues& b) { return a.m_items == b.m_items; }

private:
    iterator lowerBound(std::string_view key) {
        return std::lower_bound(m_items.begin(), m_items.end(), key,
                                [](const value_type& item, std::string_view k) { return item.first < k; });
    }
    std::pair<iterator, bool> tryEmplace(std::string_view key, V value) {
        auto it = lowerBound(key);
        if (it != end() && it->first == key) return {it, false};
        const auto at = it - m_items.begin(); // reserve() may move the items
        // Room for a typical agent's entries at once: one allocation, not one per doubling.
        if (m_items.size() == m_items.capacity()) m_items.reserve(std::max<size_t>(8, 2 * m_items.size()));
        return {m_items.emplace(m_items.begin() + at, std::string(key), std::move(value)), true};
    }
    std::vector<value_type> m_items;
};

} // namespace kefu::core
