#include <cstdio>
#include <fstream>
#include <iostream>
#include <sstream>

#include "cli.h"

namespace kefu::cli {

using namespace core;

std::optional<std::string> Args::one(const std::string& name) const {
    auto it = options.find(name);
    if (it == options.end() || it->second.empty()) return std::nullopt;
    return it->second.back();
}

const std::vector<std::string>& Args::all(const std::string& name) const {
    static const std::vector<std::string> none;
    auto it = options.find(name);
    return it == options.end() ? none : it->second;
}

Expected<Args> parseArgs(int argc, char** argv, int first, const std::vector<std::string>& valued,
                         const std::vector<std::string>& flags) {
    Args a;
    for (int i = first; i < argc; ++i) {
        std::string s = argv[i];
        if (s.size() > 1 && s[0] == '-') {
            std::string value;
            bool inlineValue = false;
            if (auto eq = s.find('='); eq != std::string::npos && s.rfind("--", 0) == 0) {
                value = s.substr(eq + 1);
                s = s.substr(0, eq);
                inlineValue = true;
            }
            bool isValued = std::find(valued.begin(), valued.end(), s) != valued.end();
            bool isFlag = std::find(flags.begin(), flags.end(), s) != flags.end();
            if (!isValued && !isFlag) return Error{"unknown option " + s};
            if (isFlag) { a.options[s].push_back("1"); continue; }
            if (!inlineValue) {
                if (i + 1 >= argc) return Error{"option " + s + " needs a value"};
                value = argv[++i];
            }
            a.options[s].push_back(value);
        } else {
            a.positional.push_back(s);
        }
    }
    return a;
}

Expected<std::string> readFile(const std::string& path) {
    std::ifstream f(path, std::ios::binary);
    if (!f) return Error{path + ": cannot open the file"};
    std::ostringstream ss;
    ss << f.rdbuf();
    if (f.bad()) return Error{path + ": read error"};
    return ss.str();
}

Expected<bool> writeFile(const std::string& path, const std::string& data) {
    std::string tmp = path + ".tmp";
    {
        std::ofstream f(tmp, std::ios::binary | std::ios::trunc);
        if (!f) return Error{path + ": cannot write the file"};
        f.write(data.data(), std::streamsize(data.size()));
        if (!f) return Error{path + ": write error"};
    }
    if (std::rename(tmp.c_str(), path.c_str()) != 0) {
        std::remove(tmp.c_str());
        return Error{path + ": cannot replace the file"};
    }
    return true;
}

Expected<Lang> parseLang(const Args& args) {
    auto l = args.one("--lang");
    if (!l || *l == "zh") return Lang::Zh;
    if (*l == "en") return Lang::En;
    return Error{"--lang must be zh or en, not '" + *l + "'"};
}

int fail(const std::string& message) {
    std::cerr << "kefu: " << message << (message.empty() || message.back() != '\n' ? "\n" : "");
    return 2;
}

int runDocumentCommand(int argc, char** argv, const std::vector<std::string>& extra, const RenderRun& render) {
    std::vector<std::string> options = {"--metrics", "--scheme", "--events", "--history", "--roster", "--period",
                                        "--lang",    "--set",    "--sheet",  "--shop",    "-o"};
    options.insert(options.end(), extra.begin(), extra.end());
    auto args = parseArgs(argc, argv, 2, options, {});
    if (!args) return fail(args.error());
    auto lang = parseLang(*args);
    if (!lang) return fail(lang.error());
    auto run = runScore(*args);
    if (!run) return fail(run.error());
    for (const auto& w : run->warnings) std::cerr << "kefu: warning: " << w << "\n";
    for (const auto& w : run->results.warnings) std::cerr << "kefu: warning: " << w.format(*lang) << "\n";
    auto document = render(*args, *run, *lang);
    if (!document) return fail(document.error());
    if (auto o = args->one("-o")) {
        auto ok = writeFile(*o, *document);
        if (!ok) return fail(ok.error());
    } else {
        std::cout << *document;
    }
    return 0;
}

int writeOutput(const Args& args, const std::string& out) {
    if (auto o = args.one("-o")) {
        auto ok = writeFile(*o, out);
        if (!ok) return fail(ok.error());
    } else {
        std::cout << out;
    }
    return 0;
}

void printWarnings(const ScoreRun& run, core::Lang lang) {
    for (const auto& w : run.warnings) std::cerr << "kefu: warning: " << w << "\n";
    for (const auto& w : run.results.warnings) std::cerr << "kefu: warning: " << w.format(lang) << "\n";
}

} // namespace kefu::cli
