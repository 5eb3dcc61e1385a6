#include "scheme.h"

#include <algorithm>
#include <cstdlib>

#include "metrics.h"
#include "rules/rule.h"

namespace kefu::core {

bool Scope::matchesGroup(const std::string& group) const {
    if (groups.empty()) return true;
    for (const auto& g : groups) {
        if (!g.empty() && g.back() == '*') {
            if (group.compare(0, g.size() - 1, g, 0, g.size() - 1) == 0) return true;
        } else if (g == group) {
            return true;
        }
    }
    return false;
}

std::string Problem::text() const {
    std::string s;
    if (line) s += "line " + std::to_string(line) + ", column " + std::to_string(column) + ": ";
    if (!path.empty()) s += path + ": ";
    return s + message;
}

Text2 Problem::text2() const {
    std::string s;
    if (line) s += "第 " + std::to_string(line) + " 行第 " + std::to_string(column) + " 列：";
    if (!path.empty()) s += path + "：";
    return {s + (zh.empty() ? message : zh), text()};
}

void Problems::add(const Json* at, std::string path, const Text2& message) {
    Problem p;
    if (at) { p.line = at->line; p.column = at->column; }
    p.path = std::move(path);
    p.message = message.en;
    p.zh = message.zh;
    m_list.push_back(std::move(p));
}
void Problems::add(const Json* at, std::string path, const Msg& msg, const std::vector<std::string>& args) {
    add(at, std::move(path), fillMsg(msg, args));
}
void Problems::add(const Json* at, std::string path, std::string message) {
    add(at, std::move(path), Text2{"", std::move(message)});
}

std::string Problems::joined() const {
    std::string s;
    for (const auto& p : m_list) s += p.text() + "\n";
    return s;
}

Error Problems::asError() const {
    std::string zh;
    for (const auto& p : m_list) zh += p.text2().zh + "\n";
    return {joined(), zh};
}

namespace {
const Msg kMissing{"缺少“{0}”", "missing '{0}'"};
const Msg kString{"应为字符串", "expected a string"};
const Msg kName{"应为 {\"zh\", \"en\"} 或字符串", "expected {\"zh\", \"en\"} or a string"};
const Msg kScope{"应为包含 groups 和 statuses 的对象", "expected an object with groups and statuses"};
const Msg kScopeKey{"不认识的范围键“{0}”", "unknown scope key '{0}'"};
const Msg kList{"应为列表", "expected a list"};
const Msg kStatus{"不认识的状态“{0}”（应为 regular 或 probation）", "unknown status '{0}' (regular or probation)"};
const Msg kMetricObject{"应为指标对象", "expected a metric object"};
const Msg kUnit{"不认识的单位“{0}”", "unknown unit '{0}'"};
const Msg kDirection{"direction 应为 higher、lower 或 neutral", "direction must be higher, lower or neutral"};
const Msg kMetricKey{"不认识的指标键“{0}”", "unknown metric key '{0}'"};
const Msg kRuleObject{"应为规则对象", "expected a rule object"};
const Msg kBool{"应为 true 或 false", "expected true or false"};
const Msg kRuleKey{"不认识的规则键“{0}”", "unknown rule key '{0}'"};
const Msg kNotObject{"方案应为包含 id、name 和 rules 的 JSON 对象", "a scheme is a JSON object with id, name and rules"};
const Msg kMetricList{"应为指标定义的列表", "expected a list of metric definitions"};
const Msg kRuleList{"应为规则列表", "expected a list of rules"};
const Msg kKey{"不认识的键“{0}”", "unknown key '{0}'"};
const Msg kRuleTwice{"规则编号“{0}”用了两次", "rule id '{0}' is used twice"};
const Msg kRuleType{"不认识的规则类型“{0}”", "unknown rule type '{0}'"};
const Msg kPrimaries{"有不止一条规则标为主规则（primary）", "more than one rule is marked primary"};

std::string stringField(const Json& obj, std::string_view key, Problems& problems, const std::string& path, bool required) {
    const Json* v = obj.find(key);
    if (!v || v->isNull()) {
        if (required) problems.add(&obj, path + std::string(key), kMissing, {std::string(key)});
        return {};
    }
    if (!v->isString()) {
        problems.add(v, path + std::string(key), kString);
        return {};
    }
    return v->asString();
}

void readName(const Json& obj, std::string_view key, std::string& zh, std::string& en, Problems& problems) {
    const Json* n = obj.find(key);
    if (!n) return;
    if (n->isString()) { zh = en = n->asString(); return; }
    if (!n->isObject()) { problems.add(n, std::string(key), kName); return; }
    if (const Json* z = n->find("zh"); z && z->isString()) zh = z->asString();
    if (const Json* e = n->find("en"); e && e->isString()) en = e->asString();
    if (zh.empty()) zh = en;
    if (en.empty()) en = zh;
}

Scope readScope(const Json* s, Problems& problems, const std::string& path, bool& statusesGiven) {
    Scope scope;
    if (!s || s->isNull()) return scope;
    if (!s->isObject()) { problems.add(s, path, kScope); return scope; }
    for (const auto& [k, v] : s->members()) {
        if (k != "groups" && k != "statuses") problems.add(&v, path + "." + k, kScopeKey, {k});
        if (!v.isArray()) { problems.add(&v, path + "." + k, kList); continue; }
        for (const auto& item : v.items()) {
            if (!item.isString()) { problems.add(&item, path + "." + k, kString); continue; }
            if (k == "groups") scope.groups.push_back(item.asString());
            else if (auto st = parseStatus(item.asString())) scope.statuses.push_back(*st);
            else if (k == "statuses") problems.add(&item, path + ".statuses", kStatus, {item.asString()});
        }
        if (k == "statuses") statusesGiven = true;
    }
    return scope;
}

CustomMetric readMetric(const Json& m, size_t index, Problems& problems) {
    CustomMetric c;
    std::string path = "metrics[" + std::to_string(index) + "].";
    if (!m.isObject()) { problems.add(&m, path, kMetricObject); return c; }
    c.id = stringField(m, "id", problems, path, true);
    readName(m, "name", c.zh, c.en, problems);
    if (c.zh.empty()) c.zh = stringField(m, "zh", problems, path, false);
    if (c.en.empty()) c.en = stringField(m, "en", problems, path, false);
    if (c.zh.empty()) c.zh = c.id;
    if (c.en.empty()) c.en = c.zh;
    if (const Json* u = m.find("unit")) c.unit = u->isString() ? u->asString() : "";
    if (!parseUnit(c.unit)) problems.add(m.find("unit"), path + "unit", kUnit, {c.unit});
    if (const Json* d = m.find("direction")) c.direction = d->isString() ? d->asString() : "";
    if (c.direction != "higher" && c.direction != "lower" && c.direction != "neutral")
        problems.add(m.find("direction"), path + "direction", kDirection);
    readName(m, "definition", c.definitionZh, c.definitionEn, problems);
    c.formula = stringField(m, "formula", problems, path, false);
    for (const auto& [k, v] : m.members())
        if (k != "id" && k != "name" && k != "zh" && k != "en" && k != "unit" && k != "direction" && k != "definition" && k != "formula")
            problems.add(&v, path + k, kMetricKey, {k});
    return c;
}

RuleInstance readRule(const Json& r, size_t index, Problems& problems) {
    RuleInstance rule;
    std::string path = "rules[" + std::to_string(index) + "].";
    if (!r.isObject()) { problems.add(&r, path, kRuleObject); return rule; }
    rule.id = stringField(r, "id", problems, path, true);
    rule.type = stringField(r, "type", problems, path, true);
    rule.scope = readScope(r.find("scope"), problems, path + "scope", rule.scopeStatusesGiven);
    for (auto key : {"primary", "enabled"}) {
        const Json* b = r.find(key);
        if (!b) continue;
        if (!b->isBool()) problems.add(b, path + key, kBool);
        else if (std::string_view(key) == "primary") rule.primary = b->asBool();
        else rule.enabled = b->asBool();
    }
    if (const Json* p = r.find("params"); p && !p->isNull()) rule.params = *p;
    for (const auto& [k, v] : r.members())
        if (k != "id" && k != "type" && k != "scope" && k != "params" && k != "primary" && k != "enabled" && k != "name" && k != "note")
            problems.add(&v, path + k, kRuleKey, {k});
    return rule;
}
} // namespace

Expected<Scheme> parseScheme(std::string_view text, const Catalog& catalog, Problems& problems) {
    auto parsed = parseJson(text);
    if (!parsed) {
        problems.add(nullptr, "", errorText(parsed.failure()));
        return parsed.failure();
    }
    const Json& root = *parsed;
    Scheme scheme;
    if (!root.isObject()) {
        problems.add(&root, "", kNotObject);
        return problems.asError();
    }
    scheme.id = stringField(root, "id", problems, "", true);
    readName(root, "name", scheme.nameZh, scheme.nameEn, problems);
    readName(root, "description", scheme.descriptionZh, scheme.descriptionEn, problems);
    if (const Json* metrics = root.find("metrics")) {
        if (!metrics->isArray()) problems.add(metrics, "metrics", kMetricList);
        else
            for (size_t i = 0; i < metrics->items().size(); ++i) scheme.metrics.push_back(readMetric(metrics->items()[i], i, problems));
    }
    const Json* rules = root.find("rules");
    if (!rules || !rules->isArray()) problems.add(rules ? rules : &root, "rules", kRuleList);
    else
        for (size_t i = 0; i < rules->items().size(); ++i) scheme.rules.push_back(readRule(rules->items()[i], i, problems));
    scheme.smallSample = readSmallSample(root.find("small_sample"), problems);
    for (const auto& [k, v] : root.members())
        if (k != "id" && k != "name" && k != "description" && k != "rules" && k != "metrics" && k != "small_sample")
            problems.add(&v, k, kKey, {k});
    validateScheme(scheme, catalog, problems);
    if (!problems.empty()) return problems.asError();
    return scheme;
}

Expected<Catalog> schemeCatalog(const Scheme& scheme, const Catalog& base) {
    Catalog c = base;
    for (const auto& m : scheme.metrics) {
        MetricDef d;
        d.id = m.id;
        d.zh = m.zh;
        d.en = m.en;
        d.unit = parseUnit(m.unit).value_or(Unit::Count);
        d.direction = m.direction == "lower" ? Direction::Lower : m.direction == "neutral" ? Direction::Neutral : Direction::Higher;
        d.definitionZh = m.definitionZh;
        d.definitionEn = m.definitionEn;
        d.aliases = {m.zh, m.en};
        d.formula = m.formula;
        auto ok = c.addCustom(std::move(d));
        if (!ok) return ok.failure();
    }
    return c;
}

std::vector<std::string> schemeEventKinds(const Scheme& scheme) {
    std::vector<std::string> kinds;
    auto add = [&](const std::string& k) {
        if (std::find(kinds.begin(), kinds.end(), k) == kinds.end()) kinds.push_back(k);
    };
    auto addStrings = [&](const Json* list) {
        if (list && list->isArray())
            for (const auto& v : list->items())
                if (v.isString()) add(v.asString());
    };
    auto addKeys = [&](const Json* obj) {
        if (obj && obj->isObject())
            for (const auto& [k, v] : obj->members()) add(k);
    };
    for (const auto& r : scheme.rules) {
        if (r.type == "fines_escalating") addKeys(r.params.find("kinds"));
        if (r.type == "composite_100") {
            addStrings(r.params.find("addition_events"));
            addKeys(r.params.find("deductions"));
        }
        if (r.type == "pay") addStrings(r.params.find("attendance_breaks"));
    }
    return kinds;
}

void validateScheme(const Scheme& scheme, const Catalog& baseCatalog, Problems& problems) {
    auto extended = schemeCatalog(scheme, baseCatalog);
    if (!extended) {
        problems.add(nullptr, "metrics", errorText(extended.failure()));
        return;
    }
    const Catalog& catalog = *extended;
    int primaries = 0;
    for (size_t i = 0; i < scheme.rules.size(); ++i) {
        const RuleInstance& r = scheme.rules[i];
        std::string path = "rules[" + std::to_string(i) + "]";
        for (size_t j = 0; j < i; ++j)
            if (!r.id.empty() && scheme.rules[j].id == r.id)
                problems.add(&r.params, path + ".id", kRuleTwice, {r.id});
        primaries += r.primary ? 1 : 0;
        if (r.type.empty()) continue;
        const RuleType* t = findRuleType(r.type);
        if (!t) {
            problems.add(nullptr, path + ".type", kRuleType, {r.type});
            continue;
        }
        t->validate(r, catalog, problems, path + ".params");
        if (t->validateInScheme) t->validateInScheme(r, scheme, problems, path + ".params");
    }
    if (primaries > 1) problems.add(nullptr, "rules", kPrimaries);
    validateSmallSample(scheme.smallSample, catalog, problems);
}

Json schemeToJson(const Scheme& s) {
    Json j = Json::object();
    j.set("id", Json::string(s.id));
    Json name = Json::object();
    name.set("zh", Json::string(s.nameZh));
    name.set("en", Json::string(s.nameEn));
    j.set("name", std::move(name));
    if (!s.descriptionZh.empty() || !s.descriptionEn.empty()) {
        Json d = Json::object();
        d.set("zh", Json::string(s.descriptionZh));
        d.set("en", Json::string(s.descriptionEn));
        j.set("description", std::move(d));
    }
    if (!s.metrics.empty()) {
        Json metrics = Json::array();
        for (const auto& m : s.metrics) {
            Json mj = Json::object();
            mj.set("id", Json::string(m.id));
            mj.set("zh", Json::string(m.zh));
            mj.set("en", Json::string(m.en));
            mj.set("unit", Json::string(m.unit));
            mj.set("direction", Json::string(m.direction));
            Json def = Json::object();
            def.set("zh", Json::string(m.definitionZh));
            def.set("en", Json::string(m.definitionEn));
            mj.set("definition", std::move(def));
            if (!m.formula.empty()) mj.set("formula", Json::string(m.formula));
            metrics.push(std::move(mj));
        }
        j.set("metrics", std::move(metrics));
    }
    Json rules = Json::array();
    for (const auto& r : s.rules) {
        Json rj = Json::object();
        rj.set("id", Json::string(r.id));
        rj.set("type", Json::string(r.type));
        Json scope = Json::object();
        if (!r.scope.groups.empty()) {
            Json g = Json::array();
            for (const auto& x : r.scope.groups) g.push(Json::string(x));
            scope.set("groups", std::move(g));
        }
        if (!r.scope.statuses.empty()) {
            Json st = Json::array();
            for (auto x : r.scope.statuses) st.push(Json::string(statusId(x)));
            scope.set("statuses", std::move(st));
        }
        rj.set("scope", std::move(scope));
        rj.set("params", r.params);
        if (r.primary) rj.set("primary", Json::boolean(true));
        if (!r.enabled) rj.set("enabled", Json::boolean(false));
        rules.push(std::move(rj));
    }
    j.set("rules", std::move(rules));
    if (!s.smallSample.empty()) j.set("small_sample", smallSampleToJson(s.smallSample));
    return j;
}

Expected<bool> setParamPath(Json& params, std::string_view path, Json value) {
    Json* node = &params;
    std::string rest(path);
    while (true) {
        const size_t d = rest.find('.');
        const std::string key = rest.substr(0, d);
        Json* next = nullptr;
        if (node->isArray()) {
            // A list element by its index from 0; lists do not grow.
            const size_t n = node->items().size();
            bool digits = !key.empty() && key.size() <= 9;
            for (char c : key) digits = digits && c >= '0' && c <= '9';
            const size_t index = digits ? size_t(std::stoul(key)) : 0;
            if (!digits || index >= n)
                return Error{"'" + key + "' is not an index of " +
                             (n == 0 ? std::string("an empty list")
                                     : "a list of " + std::to_string(n) + " (0 to " + std::to_string(n - 1) + ")")};
            next = &node->items()[index];
            if (d == std::string::npos) {
                *next = std::move(value);
                return true;
            }
        } else if (node->isObject()) {
            if (d == std::string::npos) {
                node->set(key, std::move(value));
                return true;
            }
            next = node->find(key);
            if (!next) next = &node->set(key, Json::object());
        } else {
            return Error{"does not name an object parameter"};
        }
        node = next;
        rest = rest.substr(d + 1);
    }
}

Expected<bool> setSchemeParam(Scheme& scheme, std::string_view assignment) {
    size_t eq = assignment.find('=');
    if (eq == std::string_view::npos) return Error{"expected rule.path=value, got '" + std::string(assignment) + "'"};
    std::string path(assignment.substr(0, eq)), text(assignment.substr(eq + 1));
    size_t dot = path.find('.');
    if (dot == std::string::npos) return Error{"expected rule.path=value, got '" + std::string(assignment) + "'"};
    std::string ruleId = path.substr(0, dot);
    auto it = std::find_if(scheme.rules.begin(), scheme.rules.end(), [&](const RuleInstance& r) { return r.id == ruleId; });
    if (it == scheme.rules.end()) return Error{"no rule '" + ruleId + "' in scheme " + scheme.id};
    Json value;
    if (auto parsed = parseJson(text)) value = *parsed;
    else value = Json::string(text);
    // Set on a copy, so that a refused path leaves the scheme as it was.
    Json params = it->params;
    auto set = setParamPath(params, std::string_view(path).substr(dot + 1), std::move(value));
    if (!set) return Error{"'" + path + "': " + set.error()};
    it->params = std::move(params);
    return true;
}

} // namespace kefu::core
