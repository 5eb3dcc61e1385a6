#include "formula.h"

#include <cmath>
#include <cstdlib>

#include "explain.h"

namespace kefu::core {

namespace {
const Msg kOperand{"应为数字、指标编号或“(”", "expected a number, metric id or '('"};
const Msg kClose{"缺少“)”", "expected ')'"};
const Msg kNumber{"数字格式不对", "malformed number"};
const Msg kCharacter{"意外的字符", "unexpected character"};
const Msg kText{"多余的内容", "unexpected text"};
const Msg kEmpty{"公式是空的", "empty formula"};

// "position 3: ..." in both languages.
Error errorAt(size_t pos, const Msg& msg) {
    const std::string n = std::to_string(pos + 1);
    return {"position " + n + ": " + msg.en, "第 " + n + " 个字符：" + msg.zh};
}

class Parser {
public:
    explicit Parser(std::string_view t) : m_t(t) {}
    Formula f;
    std::optional<Error> error;

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
        if (m_i >= m_t.size()) return fail(kOperand);
        char c = m_t[m_i];
        if (c == '(') {
            ++m_i;
            int e = expr();
            skip();
            if (e < 0) return -1;
            if (m_i >= m_t.size() || m_t[m_i] != ')') return fail(kClose);
            ++m_i;
            return e;
        }
        if (c == '-') { ++m_i; int e = factor(); return e < 0 ? -1 : node({'u', 0, {}, e, -1}); }
        if ((c >= '0' && c <= '9') || c == '.') {
            std::string num;
            while (m_i < m_t.size() && ((m_t[m_i] >= '0' && m_t[m_i] <= '9') || m_t[m_i] == '.')) num += m_t[m_i++];
            char* end = nullptr;
            double v = std::strtod(num.c_str(), &end);
            if (*end) return fail(kNumber);
            return node({'n', v, {}, -1, -1});
        }
        if (std::isalpha(static_cast<unsigned char>(c)) || c == '_') {
            std::string id;
            while (m_i < m_t.size() && (std::isalnum(static_cast<unsigned char>(m_t[m_i])) || m_t[m_i] == '_'))
                id += m_t[m_i++];
            return node({'m', 0, id, -1, -1});
        }
        return fail(kCharacter);
    }
    void skip() { while (m_i < m_t.size() && (m_t[m_i] == ' ' || m_t[m_i] == '\t')) ++m_i; }
    int node(Formula::Node n) { f.nodes.push_back(std::move(n)); return int(f.nodes.size()) - 1; }
    int fail(const Msg& msg) {
        if (!error) error = errorAt(m_i, msg);
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
    if (root >= 0 && !p.atEnd()) return errorAt(p.pos(), kText);
    if (root < 0) return p.error ? *p.error : Error{kEmpty.en, kEmpty.zh};
    p.f.root = root;
    return std::move(p.f);
}

} // namespace kefu::core
