// Pieces shared by the input loaders (core-private): places in a file (cell, line, file) and
// messages about them, in both languages, so warnings and errors keep file, line and column.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "explain.h"

namespace kefu::core::loading {

// `msg` filled in each language with that language's arguments.
Text2 fillEach(const Msg& msg, const std::vector<Text2>& args);
// `msg` about `place` ({0}, in each language), with plain arguments {1} ...
Text2 at(const Text2& place, const Msg& msg, const std::vector<std::string>& args = {});
Error failAt(const Text2& place, const Msg& msg, const std::vector<std::string>& args = {});

// "文件 m.csv 第 2 行第 3 列（状态）" / "m.csv: line 2, column 3 (状态)"; `col` counts from 0.
Text2 where(const std::string& file, uint32_t line, const std::string& header, size_t col);
Text2 whereLine(const std::string& file, uint32_t line);
Text2 whereFile(const std::string& file);
// A CSV syntax error ("line 3: ...") named with its file.
Error csvError(const std::string& file, const Error& error);

} // namespace kefu::core::loading
