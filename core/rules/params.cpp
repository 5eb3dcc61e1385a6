#include "params.h"

#include <algorithm>
#include <cmath>

namespace kefu::core {

namespace {
const Msg kObject{"应为对象", "expected an object"};
const Msg kNumber{"应为数字", "expected a number"};
const Msg kNegative{"金额不能为负数", "a negative amount is not allowed"};
const Msg kWhole{"应为整数", "expected a whole number"};
const Msg kBool{"应为 true 或 false", "expected true or false"};
const Msg kString{"应为字符串", "expected a string"};
const Msg kChoice{"“{0}”不在可选值中：{1}", "'{0}' is not one of: {1}"};
const Msg kUnknownMetric{"没有指标“{0}”", "unknown metric '{0}'"};
const Msg kStrings{"应为字符串列表", "expected a list of strings"};
const Msg kCondition{"条件需要 \"metric\"、\"op\" 和 \"value\"", "a condition needs \"metric\", \"op\" and \"value\""};
const Msg kMetricId{"应为指标编号", "expected a metric id"};
const Msg kOp{"应为 >=、<=、>、< 之一", "expected one of: >=, <=, >, <"};
const Msg kList{"应为列表", "expected a list"};
const Msg kUnknownParam{"不认识的参数“{0}”", "unknown parameter '{0}'"};
} // namespace

bool Condition::holds(double v) const {
    const double a = std::round(v * 1e6) / 1e6, b = std::round(value * 1e6) / 1e6;
    switch (op) {
    case CompareOp::Ge: return a >= b;
    case CompareOp::Le: return a <= b;
    case CompareOp::Gt: return a > b;
    case CompareOp::Lt: return a < b;
    }
    return false;
}

const char* compareOpSymbol(CompareOp op) {
    switch (op) {
    case CompareOp::Ge: return "≥";
    case CompareOp::Le: return "≤";
    case CompareOp::Gt: return ">";
    case CompareOp::Lt: return "<";
    }
    return "?";
}

ParamReader::ParamReader(const Json* params, const Catalog* catalog, Problems* problems, std::string path)
    : m_json(params), m_catalog(catalog), m_problems(problems), m_path(std::move(path)) {
    if (m_json && m_json->isNull()) m_json = nullptr;
    if (m_json && !m_json->isObject()) {
        if (m_problems) m_problems->add(m_json, m_path, kObject);
        m_json = nullptr;
    }
}

std::string ParamReader::sub(std::string_view key) const {
    return m_path.empty() ? std::string(key) : m_path + "." + std::string(key);
}

bool ParamReader::has(std::string_view key) const { return m_json && m_json->find(key); }

const Json* ParamReader::find(std::string_view key) {
    m_known.emplace_back(key);
    if (!m_json) return nullptr;
    const Json* v = m_json->find(key);
    return v && !v->isNull() ? v : nullptr;
}

const Json* ParamReader::raw(std::string_view key) { return find(key); }

void ParamReader::problem(std::string_view key, const Msg& msg, const std::vector<std::string>& args) {
    if (!m_problems) return;
    const Json* at = m_json && !key.empty() ? m_json->find(key) : m_json;
    m_problems->add(at, key.empty() ? m_path : sub(key), msg, args);
}
void ParamReader::problem(std::string_view key, std::string message) {
    if (!m_problems) return;
    const Json* at = m_json && !key.empty() ? m_json->find(key) : m_json;
    m_problems->add(at, key.empty() ? m_path : sub(key), std::move(message));
}

double ParamReader::number(std::string_view key, double def) {
    const Json* v = find(key);
    if (!v) return def;
    if (!v->isNumber() || !std::isfinite(v->asNumber())) {
        problem(key, kNumber);
        return def;
    }
    return v->asNumber();
}

double ParamReader::amount(std::string_view key, double def) {
    double v = number(key, def);
    if (v < 0) {
        problem(key, kNegative);
        return def;
    }
    return v;
}

int ParamReader::integer(std::string_view key, int def) {
    double v = number(key, def);
    if (v != std::floor(v) || std::fabs(v) > 1e9) {
        problem(key, kWhole);
        return def;
    }
    return int(v);
}

bool ParamReader::boolean(std::string_view key, bool def) {
    const Json* v = find(key);
    if (!v) return def;
    if (!v->isBool()) {
        problem(key, kBool);
        return def;
    }
    return v->asBool();
}

std::string ParamReader::string(std::string_view key, const std::string& def) {
    const Json* v = find(key);
    if (!v) return def;
    if (!v->isString()) {
        problem(key, kString);
        return def;
    }
    return v->asString();
}

std::string ParamReader::choice(std::string_view key, const std::string& def, const std::vector<std::string>& choices) {
    std::string s = string(key, def);
    if (std::find(choices.begin(), choices.end(), s) != choices.end()) return s;
    std::string list;
    for (const auto& c : choices) list += (list.empty() ? "" : ", ") + c;
    problem(key, kChoice, {s, list});
    return def;
}

bool ParamReader::checkMetricId(const std::string& id, std::string_view key) {
    if (!m_catalog || m_catalog->find(id)) return true;
    problem(key, kUnknownMetric, {id});
    return false;
}

std::string ParamReader::metric(std::string_view key, const std::string& def) {
    std::string id = string(key, def);
    if (!checkMetricId(id, key)) return def;
    return id;
}

std::vector<std::string> ParamReader::strings(std::string_view key, const std::vector<std::string>& def) {
    const Json* v = find(key);
    if (!v) return def;
    if (!v->isArray()) {
        problem(key, kStrings);
        return def;
    }
    std::vector<std::string> out;
    for (const auto& item : v->items()) {
        if (!item.isString()) {
            problem(key, kStrings);
            return def;
        }
        out.push_back(item.asString());
    }
    return out;
}

std::vector<Condition> ParamReader::conditions(std::string_view key) {
    static const std::vector<std::string> ops = {">=", "<=", ">", "<"}; // order of CompareOp
    std::vector<Condition> out;
    for (ParamReader c : objects(key)) {
        const Json* m = c.raw("metric");
        const Json* o = c.raw("op");
        const Json* v = c.raw("value");
        bool ok = m && o && v;
        if (!ok) c.problem("", kCondition);
        Condition cond;
        if (m && !m->isString()) c.problem("metric", kMetricId);
        if (m && !(m->isString() && c.checkMetricId(m->asString(), "metric"))) ok = false;
        else if (m) cond.metric = m->asString();
        auto op = o && o->isString() ? std::find(ops.begin(), ops.end(), o->asString()) : ops.end();
        if (o && op == ops.end()) c.problem("op", kOp);
        if (op == ops.end()) ok = false;
        else cond.op = CompareOp(op - ops.begin());
        if (v && (!v->isNumber() || !std::isfinite(v->asNumber()))) {
            c.problem("value", kNumber);
            ok = false;
        }
        if (ok) cond.value = v->asNumber();
        c.finish();
        if (ok) out.push_back(cond);
    }
    return out;
}

ParamReader ParamReader::object(std::string_view key) {
    const Json* v = find(key);
    return ParamReader(v, m_catalog, m_problems, sub(key));
}

std::vector<ParamReader> ParamReader::objects(std::string_view key) {
    const Json* v = find(key);
    std::vector<ParamReader> out;
    if (!v) return out;
    if (!v->isArray()) {
        problem(key, kList);
        return out;
    }
    for (size_t i = 0; i < v->items().size(); ++i)
        out.emplace_back(&v->items()[i], m_catalog, m_problems, sub(key) + "[" + std::to_string(i) + "]");
    return out;
}

std::vector<std::string> ParamReader::keys() const {
    std::vector<std::string> out;
    if (m_json)
        for (const auto& [k, v] : m_json->members()) out.push_back(k);
    return out;
}

void ParamReader::finish() {
    if (!m_json || !m_problems) return;
    for (const auto& [k, v] : m_json->members())
        if (std::find(m_known.begin(), m_known.end(), k) == m_known.end())
            m_problems->add(&v, sub(k), kUnknownParam, {k});
}

} // namespace kefu::core
