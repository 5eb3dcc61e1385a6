#include "formula.h"

#include <cmath>
#include <cstdlib>

namespace kefu::core {

namespace {
class Parser {
public:
    explicit Parser(std::string_view t) : m_t(t) {}
    Formula f;
    std::string error;

    int expr() {
        int l = term();
        while (l >= 0) {
            skip();
            if (m_i < m_t.size() && (m_t[m_i] == '+' || m_t[m_i] == '-')) {
                char op = m_t[m_i++];
                int r = term();
                if (r < 0) return -1;
                l = node({op, 0, {}, l, r});
            } else break;
        }
        return l;
    }
    bool atEnd() { skip(); return m_i >= m_t.size(); }
    size_t pos() const { return m_i; }

private:
    int term() {
        int l = factor();
        while (l >= 0) {
            skip();
            if (m_i < m_t.size() && (m_t[m_i] == '*' || m_t[m_i] == '/')) {
                char op = m_t[m_i++];
                int r = factor();
                if (r < 0) return -1;
                l = node({op, 0, {}, l, r});
            } else break;
        }
        return l;
    }
    int factor() {
        skip();
        if (m_i >= m_t.size()) return fail("expected a number, metric id or '('");
        char c = m_t[m_i];
        if (c == '(') {
            ++m_i;
            int e = expr();
            skip();
            if (e < 0) return -1;
            if (m_i >= m_t.size() || m_t[m_i] != ')') return fail("expected ')'");
            ++m_i;
            return e;
        }
        if (c == '-') { ++m_i; int e = factor(); return e < 0 ? -1 : node({'u', 0, {}, e, -1}); }
        if ((c >= '0' && c <= '9') || c == '.') {
            std::string num;
            while (m_i < m_t.size() && ((m_t[m_i] >= '0' && m_t[m_i] <= '9') || m_t[m_i] == '.')) num += m_t[m_i++];
            char* end = nullptr;
            double v = std::strtod(num.c_str(), &end);
            if (*end) return fail("malformed number");
            return node({'n', v, {}, -1, -1});
        }
        if (std::isalpha(static_cast<unsigned char>(c)) || c == '_') {
            std::string id;
            while (m_i < m_t.size() && (std::isalnum(static_cast<unsigned char>(m_t[m_i])) || m_t[m_i] == '_'))
                id += m_t[m_i++];
            return node({'m', 0, id, -1, -1});
        }
        return fail("unexpected character");
    }
    void skip() { while (m_i < m_t.size() && (m_t[m_i] == ' ' || m_t[m_i] == '\t')) ++m_i; }
    int node(Formula::Node n) { f.nodes.push_back(std::move(n)); return int(f.nodes.size()) - 1; }
    int fail(const char* msg) {
        if (error.empty()) error = "position " + std::to_string(m_i + 1) + ": " + msg;
        return -1;
    }
    std::string_view m_t;
    size_t m_i = 0;
};

std::optional<double> evalNode(const Formula& f, int i,
                               const std::function<std::optional<double>(const std::string&)>& value) {
    const auto& n = f.nodes[size_t(i)];
    if (n.op == 'n') return n.number;
    if (n.op == 'm') return value(n.metric);
    auto l = evalNode(f, n.lhs, value);
    if (!l) return std::nullopt;
    if (n.op == 'u') return -*l;
    auto r = evalNode(f, n.rhs, value);
    if (!r) return std::nullopt;
    switch (n.op) {
    case '+': return *l + *r;
    case '-': return *l - *r;
    case '*': return *l * *r;
    default:
        if (*r == 0) return std::nullopt;
        return *l / *r;
    }
}
} // namespace

std::vector<std::string> Formula::inputs() const {
    std::vector<std::string> out;
    for (const auto& n : nodes)
        if (n.op == 'm') out.push_back(n.metric);
    return out;
}

std::optional<double> Formula::eval(const std::function<std::optional<double>(const std::string&)>& value) const {
    if (root < 0) return std::nullopt;
    auto v = evalNode(*this, root, value);
    if (v && !std::isfinite(*v)) return std::nullopt;
    return v;
}

Expected<Formula> parseFormula(std::string_view text) {
    Parser p(text);
    int root = p.expr();
    if (root >= 0 && !p.atEnd()) return Error{"position " + std::to_string(p.pos() + 1) + ": unexpected text"};
    if (root < 0) return Error{p.error.empty() ? "empty formula" : p.error};
    p.f.root = root;
    return std::move(p.f);
}

} // namespace kefu::core
