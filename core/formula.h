// Formulas of derived and user metrics: + - * / and parentheses over metric ids and numbers.
// Division by zero or a missing input gives "no value".
#pragma once
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "expected.h"

namespace kefu::core {

struct Formula {
    struct Node {
        char op = 0;        // '+', '-', '*', '/', 'n' number, 'm' metric, 'u' unary minus
        double number = 0;
        std::string metric;
        int lhs = -1, rhs = -1;
    };
    std::vector<Node> nodes;
    int root = -1;
    std::vector<std::string> inputs() const;
    std::optional<double> eval(const std::function<std::optional<double>(const std::string&)>& value) const;
};

// Error names the 1-based character position.
Expected<Formula> parseFormula(std::string_view text);

} // namespace kefu::core
